package dev.capi.server.identity;

import java.util.Set;

/**
 * A client of the built-in issuer: its secret (empty for {@code cf}), allowed grant types, and for
 * client_credentials the scopes its own tokens carry.
 */
public record OAuthClient(String id, String secret, Set<String> grantTypes, Set<String> authorities) {
    public OAuthClient {
        grantTypes = Set.copyOf(grantTypes);
        authorities = Set.copyOf(authorities);
    }

    /** The cf CLI's client: empty secret, password and refresh_token grants. */
    public static OAuthClient cf() {
        return new OAuthClient("cf", "", Set.of("password", "refresh_token"), Set.of());
    }

    boolean secretMatches(String given) {
        return java.security.MessageDigest.isEqual(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                (given == null ? "" : given).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
