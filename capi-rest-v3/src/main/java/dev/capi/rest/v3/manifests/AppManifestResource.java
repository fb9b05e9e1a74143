package dev.capi.rest.v3.manifests;

import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.manifests.ManifestSource;
import jakarta.inject.Inject;

/** {@code GET /v3/apps/:guid/manifest}: the app's manifest as {@code application/x-yaml}. */
@Path("/v3/apps/{guid}/manifest")
public final class AppManifestResource extends V3Resource {
    private final ManifestSource manifestSource;

    @Inject
    public AppManifestResource(ManifestSource manifestSource) {
        this.manifestSource = manifestSource;
    }

    @GET
    public Response get(@PathParam("guid") String guid) {
        var current = manifestSource.manifest(permissions(), guid);
        return Response.ok(ManifestYaml.write(AppManifestPresenter.document(current)), "application/x-yaml")
                .build();
    }
}
