package dev.capi.domain.auth;

/** Port: turns a bearer token into a principal, or throws {@code CfException(InvalidAuthToken)}. */
public interface TokenVerifier {
    Principal verify(String bearerToken);
}
