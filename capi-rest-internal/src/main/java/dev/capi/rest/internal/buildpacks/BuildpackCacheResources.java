package dev.capi.rest.internal.buildpacks;

import dev.capi.domain.errors.CfException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import java.io.InputStream;
import dev.capi.domain.apps.BuildpackCaches;

/** An app's buildpack cache as stagers keep it between stagings (one blob per app and stack). */
public final class BuildpackCacheResources {
    private BuildpackCacheResources() {
    }

    /**
     * {@code POST /internal/v4/buildpack_cache/:stack_name/:app_guid/upload}: multipart; the file is the first part
     * ({@code buildpack_cache} as the uploader names it, or any other name); 200 with an empty body.
     */
    @Path("/internal/v4/buildpack_cache")
    public static final class Upload {
        private final BuildpackCaches buildpackCaches;

        @Inject
        public Upload(BuildpackCaches buildpackCaches) {
            this.buildpackCaches = buildpackCaches;
        }


        @POST
        @Path("/{stack}/{guid}/upload")
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        public Response upload(@PathParam("stack") String stack, @PathParam("guid") String appGuid,
                               FormDataMultiPart form) {
            FormDataBodyPart file = form.getField("buildpack_cache");
            if (file == null && !form.getBodyParts().isEmpty()) {
                file = (FormDataBodyPart) form.getBodyParts().get(0);
            }
            if (file == null) {
                throw CfException.unprocessable("A buildpack cache file must be uploaded");
            }
            buildpackCaches.store(appGuid, stack, file.getEntityAs(InputStream.class));
            return Response.ok().build();
        }
    }

    /** {@code GET /staging/v3/buildpack_cache/:stack/:app_guid/download}: the stored cache; 404 when none. */
    @Path("/staging/v3/buildpack_cache")
    public static final class Download {
        private final BuildpackCaches buildpackCaches;

        @Inject
        public Download(BuildpackCaches buildpackCaches) {
            this.buildpackCaches = buildpackCaches;
        }


        @GET
        @Path("/{stack}/{guid}/download")
        public Response download(@PathParam("stack") String stack, @PathParam("guid") String appGuid) {
            return Response.ok(buildpackCaches.open(appGuid, stack), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .build();
        }
    }
}
