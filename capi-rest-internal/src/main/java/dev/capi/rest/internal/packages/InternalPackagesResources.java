package dev.capi.rest.internal.packages;

import dev.capi.domain.DomainServices;
import dev.capi.rest.v3.support.Body;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Packages as platform components see them: a bits service reports an upload; stagers download the bits. */
public final class InternalPackagesResources {
    private InternalPackagesResources() {
    }

    /** {@code PATCH /internal/v4/packages/:guid} {@code {state, checksums: [{type, value}], error}}: 204. */
    @Path("/internal/v4/packages")
    public static final class Report {
        @Inject
        DomainServices domain;

        @PATCH
        @Path("/{guid}")
        public Response report(@PathParam("guid") String guid, String raw) {
            Body body = Body.parse(raw, "state", "checksums", "error");
            String state = body.string("state", true, 32);
            String error = body.string("error", false, 5000);
            String sha1 = null;
            String sha256 = null;
            var checksums = body.json().get("checksums");
            if (checksums != null && checksums.isArray()) {
                for (var c : checksums) {
                    if ("sha1".equals(c.path("type").asText())) {
                        sha1 = c.path("value").asText(null);
                    } else if ("sha256".equals(c.path("type").asText())) {
                        sha256 = c.path("value").asText(null);
                    }
                }
            }
            body.validate();
            domain.packages().reportUploaded(guid, state, sha1, sha256, error);
            return Response.noContent().build();
        }
    }

    /** {@code GET /staging/packages/:guid}: the package's zip, streamed (the blobstore is local). */
    @Path("/staging/packages")
    public static final class Download {
        @Inject
        DomainServices domain;

        @GET
        @Path("/{guid}")
        public Response download(@PathParam("guid") String guid) {
            var bits = domain.packages().stagingDownload(guid);
            return Response.ok(bits.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
        }
    }
}
