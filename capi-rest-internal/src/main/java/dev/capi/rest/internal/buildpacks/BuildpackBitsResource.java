package dev.capi.rest.internal.buildpacks;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.buildpacks.Buildpacks;

/**
 * {@code GET /v2/buildpacks/:guid/download}: stagers fetch an admin buildpack's bits. The blobstore is local, so the
 * bits are streamed (200) rather than redirected to; 404 when the buildpack or its bits do not exist.
 */
@Path("/v2/buildpacks")
public final class BuildpackBitsResource {
    private final Buildpacks buildpacks;

    @Inject
    public BuildpackBitsResource(Buildpacks buildpacks) {
        this.buildpacks = buildpacks;
    }


    @GET
    @Path("/{guid}/download")
    public Response download(@PathParam("guid") String guid) {
        var download = buildpacks.download(guid);
        return Response.ok(download.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Length", download.sizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + download.filename() + "\"").build();
    }
}
