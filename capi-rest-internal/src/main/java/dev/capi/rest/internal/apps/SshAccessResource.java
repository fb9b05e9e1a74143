package dev.capi.rest.internal.apps;

import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.apps.AppFeatures;
import dev.capi.domain.auth.PermissionsFactory;

/**
 * {@code GET /internal/apps/:guid/ssh_access/:index} (OAuth): the SSH proxy asks whether the token's user may ssh
 * into an instance; 200 {@code {process_guid}} (the web process's Diego guid) or 404.
 */
@Path("/internal/apps/{guid}/ssh_access/{index}")
public final class SshAccessResource {
    private final AppFeatures appFeatures;
    private final PermissionsFactory permissionsFactory;

    @Inject
    public SshAccessResource(AppFeatures appFeatures, PermissionsFactory permissionsFactory) {
        this.appFeatures = appFeatures;
        this.permissionsFactory = permissionsFactory;
    }

    @Inject
    TokenVerifier verifier;

    @GET
    public Response check(@PathParam("guid") String appGuid, @PathParam("index") String index,
                          @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            throw CfException.of(CfError.NotAuthenticated);
        }
        var principal = verifier.verify(authorization.substring(7).trim());
        int instance;
        try {
            instance = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw CfException.notFound("App");
        }
        String processGuid = appFeatures.sshAccess(permissionsFactory.of(principal), appGuid,
                instance);
        var body = InternalJson.object().put("process_guid", processGuid);
        return Response.ok(InternalJson.write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
