package dev.capi.rest.internal.buildpacks;

import dev.capi.domain.DomainServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v2/buildpacks/:guid/download}: stagers fetch an admin buildpack's bits. The blobstore is local, so the
 * bits are streamed (200) rather than redirected to; 404 when the buildpack or its bits do not exist.
 */
@Path("/v2/buildpacks")
public final class BuildpackBitsResource {
    @Inject
    DomainServices domain;

    @GET
    @Path("/{guid}/download")
    public Response download(@PathParam("guid") String guid) {
        var download = domain.buildpacks().download(guid);
        return Response.ok(download.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Length", download.sizeBytes())
                .header("Content-Disposition", "attachment; filename=\"" + download.filename() + "\"").build();
    }
}
