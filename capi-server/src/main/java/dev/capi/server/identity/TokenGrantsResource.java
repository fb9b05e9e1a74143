package dev.capi.server.identity;

import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /uaa/oauth/token}: authenticates the client, checks that it may use the requested grant type, and
 * hands the request to that grant (password, client_credentials, refresh_token).
 */
@Path("/uaa")
@Public
public final class TokenGrantsResource {
    private final ClientRegistry clients;
    private final Map<String, TokenGrant> grants;

    TokenGrantsResource(ClientRegistry clients, List<TokenGrant> grants) {
        this.clients = clients;
        this.grants = grants.stream().collect(Collectors.toUnmodifiableMap(TokenGrant::type, Function.identity()));
    }

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        OAuthClient client = ClientCredentials.of(authorization, form)
                .flatMap(credentials -> credentials.authenticate(clients)).orElse(null);
        if (client == null) {
            return UaaJson.error(401, "invalid_client", "Bad client credentials");
        }
        String grantType = form.getFirst("grant_type");
        if (grantType == null) {
            return UaaJson.error(400, "invalid_request", "A grant type must be provided");
        }
        if (!client.grantTypes().contains(grantType)) {
            return UaaJson.error(400, "unsupported_grant_type", "Unauthorized grant type: " + grantType);
        }
        TokenGrant grant = grants.get(grantType);
        if (grant == null) {
            return UaaJson.error(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
        return grant.grant(client, form);
    }
}
