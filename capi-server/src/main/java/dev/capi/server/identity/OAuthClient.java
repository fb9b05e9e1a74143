package dev.capi.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * A client of the built-in issuer: its secret (empty for {@code cf}), allowed grant types, and for
 * client_credentials the scopes (authorities) its own tokens carry.
 */
public record OAuthClient(String id, String secret, Set<String> grantTypes, Set<String> authorities) {
    public OAuthClient {
        secret = secret == null ? "" : secret;
        grantTypes = Set.copyOf(grantTypes);
        authorities = Set.copyOf(authorities);
    }

    /** The cf CLI's client: empty secret, password and refresh_token grants. */
    public static OAuthClient cf() {
        return new OAuthClient("cf", "", Set.of("password", "refresh_token"), Set.of());
    }

    /** A configured client that authenticates with its secret and gets tokens carrying {@code authorities}. */
    public static OAuthClient clientCredentials(String id, String secret, Set<String> authorities) {
        return new OAuthClient(id, secret, Set.of("client_credentials"), authorities);
    }

    /** Constant-time comparison of the given secret (null counts as empty) with this client's. */
    boolean secretMatches(String given) {
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        byte[] actual = (given == null ? "" : given).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public String toString() {
        return "OAuthClient[id=" + id + ", grantTypes=" + grantTypes + ", authorities=" + authorities + "]";
    }
}
