package dev.capi.rest.internal.logging;

import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.auth.PermissionsFactory;

/**
 * {@code GET /internal/v4/log_access/:app_guid} (OAuth): Loggregator asks whether the bearer of a token may read an
 * app's logs — 200 with no body if the user can see the app, 404 otherwise (the same answer as for no such app).
 */
@Path("/internal/v4/log_access")
public final class LogAccessResource {
    private final Apps apps;
    private final PermissionsFactory permissionsFactory;

    @Inject
    public LogAccessResource(Apps apps, PermissionsFactory permissionsFactory) {
        this.apps = apps;
        this.permissionsFactory = permissionsFactory;
    }

    @Inject
    TokenVerifier verifier;

    @GET
    @Path("/{guid}")
    public Response check(@PathParam("guid") String appGuid, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            throw CfException.of(CfError.NotAuthenticated);
        }
        var principal = verifier.verify(authorization.substring(7).trim());
        if (!principal.hasReadScope()) {
            throw CfException.notAuthorized();
        }
        apps.get(permissionsFactory.of(principal), appGuid);
        return Response.ok().build();
    }
}
