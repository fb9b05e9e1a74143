package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /uaa/Users}, {@code GET} and {@code DELETE /uaa/Users/:id}: the SCIM user calls of cf create-user and
 * cf delete-user (scim.write to change, scim.read to read).
 */
@Path("/uaa")
@Public
public final class ScimUsersResource {
    private final BuiltInIdentityProvider idp;
    private final AccountStore accounts;
    private final ScopeGuard scopes;

    ScimUsersResource(BuiltInIdentityProvider idp, AccountStore accounts, ScopeGuard scopes) {
        this.idp = idp;
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @POST
    @Path("Users")
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Authorization") String authorization, String rawBody) {
        return scopes.denial(authorization, "scim.write").orElseGet(() -> create(UaaJson.parse(rawBody)));
    }

    private Response create(JsonNode body) {
        if (body != null && body.has("origin") && !body.path("origin").isTextual()) {
            return UaaJson.error(400, "invalid_scim_resource", "The origin must be a string.");
        }
        if (body == null || !body.path("userName").isTextual() || body.path("userName").asText().isBlank()) {
            return UaaJson.error(400, "invalid_scim_resource", "A username must be provided.");
        }
        String username = body.path("userName").asText();
        String origin = body.path("origin").asText("");
        origin = origin.isBlank() ? BuiltInIdentityProvider.UAA_ORIGIN : origin;
        if (accounts.findByUsername(username, origin).isPresent()) {
            return alreadyExists(username);
        }
        String email = body.path("emails").path(0).path("value").asText(username);
        String password = body.path("password").isTextual() ? body.path("password").asText() : null;
        Account account;
        try {
            account = idp.createUser(username, password, origin, email);
        } catch (RuntimeException e) {
            if (accounts.findByUsername(username, origin).isPresent()) {
                // created concurrently: the unique (username, origin) constraint caught it
                return alreadyExists(username);
            }
            throw e;
        }
        return UaaJson.json(201, ScimUserPresenter.user(account));
    }

    @GET
    @Path("Users/{id}")
    public Response get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return scopes.denial(authorization, "scim.read").orElseGet(() -> accounts.findByGuid(id)
                .map(a -> UaaJson.json(200, ScimUserPresenter.user(a)))
                .orElseGet(() -> notFound(id)));
    }

    @DELETE
    @Path("Users/{id}")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return scopes.denial(authorization, "scim.write").orElseGet(() -> {
            var account = accounts.findByGuid(id);
            if (account.isEmpty()) {
                return notFound(id);
            }
            accounts.delete(id);
            return UaaJson.json(200, ScimUserPresenter.user(account.get()));
        });
    }

    private static Response alreadyExists(String username) {
        return UaaJson.error(409, "scim_resource_already_exists", "Username already in use: " + username);
    }

    private static Response notFound(String id) {
        return UaaJson.error(404, "scim_resource_not_found", "User " + id + " does not exist");
    }
}
