package dev.capi.rest.internal.packages;

import dev.capi.domain.support.MessageErrors;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import dev.capi.domain.packages.Packages;

/** Packages as platform components see them: a bits service reports an upload; stagers download the bits. */
public final class InternalPackagesResources {
    private InternalPackagesResources() {
    }

    /** {@code PATCH /internal/v4/packages/:guid} {@code {state, checksums: [{type, value}], error}}: 204. */
    @Path("/internal/v4/packages")
    public static final class Report {
        private final Packages packages;

        @Inject
        public Report(Packages packages) {
            this.packages = packages;
        }


        @PATCH
        @Path("/{guid}")
        public Response report(@PathParam("guid") String guid, String raw) {
            var json = InternalJson.parseObject(raw);
            var errors = new MessageErrors();
            errors.unknownKeys(json::fieldNames, List.of("state", "checksums", "error"));
            String state = errors.string("state", InternalJson.plain(json.get("state")), true, 32);
            String error = errors.string("error", InternalJson.plain(json.get("error")), false, 5000);
            String sha1 = null;
            String sha256 = null;
            var checksums = json.get("checksums");
            if (checksums != null && checksums.isArray()) {
                for (var c : checksums) {
                    if ("sha1".equals(c.path("type").asText())) {
                        sha1 = c.path("value").asText(null);
                    } else if ("sha256".equals(c.path("type").asText())) {
                        sha256 = c.path("value").asText(null);
                    }
                }
            }
            errors.validate();
            packages.reportUploaded(guid, state, sha1, sha256, error);
            return Response.noContent().build();
        }
    }

    /** {@code GET /staging/packages/:guid}: the package's zip, streamed (the blobstore is local). */
    @Path("/staging/packages")
    public static final class Download {
        private final Packages packages;

        @Inject
        public Download(Packages packages) {
            this.packages = packages;
        }


        @GET
        @Path("/{guid}")
        public Response download(@PathParam("guid") String guid) {
            var bits = packages.stagingDownload(guid);
            return Response.ok(bits.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
        }
    }
}
