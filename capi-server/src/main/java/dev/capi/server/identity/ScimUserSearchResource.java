package dev.capi.server.identity;

import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code GET /uaa/Users} (scim.read) and {@code GET /uaa/ids/Users} (scim.read or scim.userids): the accounts a
 * SCIM {@code filter} selects, all of them without one.
 */
@Path("/uaa")
@Public
public final class ScimUserSearchResource {
    private final AccountStore accounts;
    private final ScopeGuard scopes;

    ScimUserSearchResource(AccountStore accounts, ScopeGuard scopes) {
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @GET
    @Path("Users")
    public Response users(@HeaderParam("Authorization") String authorization, @QueryParam("filter") String filter) {
        return scopes.denial(authorization, "scim.read").orElseGet(() -> list(filter, false));
    }

    @GET
    @Path("ids/Users")
    public Response ids(@HeaderParam("Authorization") String authorization, @QueryParam("filter") String filter) {
        return scopes.denial(authorization, "scim.read", "scim.userids").orElseGet(() -> list(filter, true));
    }

    private Response list(String filter, boolean idsOnly) {
        List<Account> matches;
        try {
            matches = filter == null || filter.isBlank() ? accounts.list() : ScimFilter.parse(filter).select(accounts);
        } catch (IllegalArgumentException e) {
            return UaaJson.error(400, "invalid_filter", e.getMessage());
        }
        return UaaJson.json(200, ScimUserPresenter.list(matches, idsOnly));
    }
}
