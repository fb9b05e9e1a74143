package dev.capi.server.identity;

import jakarta.ws.rs.core.MultivaluedMap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The OAuth client's id and secret as a token request presents them (the secret may be null). */
record ClientCredentials(String id, String secret) {

    /** From the Basic {@code Authorization} header first, else the {@code client_id}/{@code client_secret} fields. */
    static Optional<ClientCredentials> of(String authorization, MultivaluedMap<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "basic ", 0, 6)) {
            return fromBasic(authorization.substring(6).trim());
        }
        String id = form.getFirst("client_id");
        return id == null ? Optional.empty() : Optional.of(new ClientCredentials(id, form.getFirst("client_secret")));
    }

    private static Optional<ClientCredentials> fromBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The registered client these credentials authenticate, if any. */
    Optional<OAuthClient> authenticate(ClientRegistry clients) {
        return clients.authenticate(id, secret);
    }
}
