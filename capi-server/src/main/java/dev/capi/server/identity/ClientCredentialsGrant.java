package dev.capi.server.identity;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** {@code grant_type=client_credentials}: a client's own token with its authorities, without refresh token. */
final class ClientCredentialsGrant implements TokenGrant {
    private final TokenResponse tokens;

    ClientCredentialsGrant(TokenResponse tokens) {
        this.tokens = tokens;
    }

    @Override
    public String type() {
        return "client_credentials";
    }

    @Override
    public Response grant(OAuthClient client, MultivaluedMap<String, String> form) {
        return tokens.issue(new TokenIssuer.Subject(null, null, null, null, client.id(), client.authorities(),
                type()), form.getFirst("scope"), false);
    }
}
