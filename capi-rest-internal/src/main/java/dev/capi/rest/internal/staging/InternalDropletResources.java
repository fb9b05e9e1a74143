package dev.capi.rest.internal.staging;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.internal.jobs.StagingJobsResource;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import dev.capi.domain.droplets.Droplets;

/** Droplets on the internal API: the uploader stores staged droplets; stagers and cells download them. */
public final class InternalDropletResources {
    private InternalDropletResources() {
    }

    /**
     * {@code POST /internal/v4/droplets/:guid/upload} (guid: the build's or the droplet's): multipart file, checked
     * against {@code Content-MD5} or {@code Content-Digest} (sha256/sha1) when given; 200 with the staging job.
     */
    @Path("/internal/v4/droplets/{guid}/upload")
    public static final class Upload {
        private final Droplets droplets;

        @Inject
        public Upload(Droplets droplets) {
            this.droplets = droplets;
        }


        @POST
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        public Response upload(@PathParam("guid") String guid, @HeaderParam("Content-MD5") String md5,
                               @HeaderParam("Content-Digest") String digest, FormDataMultiPart form) {
            FormDataBodyPart file = form.getBodyParts().isEmpty() ? null
                    : (FormDataBodyPart) form.getBodyParts().get(0);
            if (form.getField("droplet") != null) {
                file = form.getField("droplet");
            }
            if (file == null) {
                throw CfException.unprocessable("A droplet file must be uploaded");
            }
            MessageDigest md5Digest = md5();
            InputStream bits = new DigestInputStream(file.getEntityAs(InputStream.class), md5Digest);
            var job = droplets.stagerUpload(guid, bits, info -> matches(info, md5Digest, md5, digest));
            return Response.ok(InternalJson.write(StagingJobsResource.document(job)), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        static boolean matches(BlobInfo info, MessageDigest md5, String md5Header, String digestHeader) {
            if (md5Header != null && !md5Header.isBlank()
                    && !md5Header.trim().equals(Base64.getEncoder().encodeToString(md5.digest()))) {
                return false;
            }
            if (digestHeader == null || digestHeader.isBlank()) {
                return true;
            }
            for (String part : digestHeader.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                String algorithm = kv[0].trim().toLowerCase(Locale.ROOT);
                String value = kv[1].trim().replace(":", "");
                String hex = algorithm.equals("sha-256") || algorithm.equals("sha256") ? info.sha256()
                        : algorithm.equals("sha") || algorithm.equals("sha1") || algorithm.equals("sha-1")
                        ? info.sha1() : null;
                if (hex != null) {
                    return value.equals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)))
                            || value.equalsIgnoreCase(hex);
                }
            }
            return true;
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code GET /staging/v3/droplets/:guid/download}: the droplet's tarball, streamed. */
    @Path("/staging/v3/droplets")
    public static final class StagingDownload {
        private final Droplets droplets;

        @Inject
        public StagingDownload(Droplets droplets) {
            this.droplets = droplets;
        }


        @GET
        @Path("/{guid}/download")
        public Response download(@PathParam("guid") String guid) {
            return stream(droplets.stagingDownload(guid));
        }
    }

    /**
     * The permalinks cells use: {@code /internal/v2|v4/droplets/:process_guid/:checksum/download}, the current
     * droplet of the process's app when the checksum matches (404 otherwise); streamed (local blobstore).
     */
    @Path("/internal/{version: v2|v4}/droplets/{guid}/{checksum}/download")
    public static final class Permalink {
        private final Droplets droplets;

        @Inject
        public Permalink(Droplets droplets) {
            this.droplets = droplets;
        }


        @GET
        public Response download(@PathParam("guid") String processGuid, @PathParam("checksum") String checksum) {
            return stream(droplets.permalink(processGuid, checksum));
        }
    }

    static Response stream(dev.capi.domain.droplets.Droplets.Download d) {
        var builder = Response.ok(d.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE);
        if (d.sizeBytes() >= 0) {
            builder.header("Content-Length", d.sizeBytes());
        }
        return builder.build();
    }
}
