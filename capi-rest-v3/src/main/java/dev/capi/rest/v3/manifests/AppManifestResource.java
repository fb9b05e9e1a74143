package dev.capi.rest.v3.manifests;

import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code GET /v3/apps/:guid/manifest}: the app's manifest as {@code application/x-yaml}. */
@Path("/v3/apps/{guid}/manifest")
public final class AppManifestResource extends V3Resource {
    @GET
    public Response get(@PathParam("guid") String guid) {
        var current = domain.manifestSource().manifest(permissions(), guid);
        return Response.ok(ManifestYaml.write(AppManifestPresenter.document(current)), "application/x-yaml")
                .build();
    }
}
