package dev.capi.rest.v3.packages;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.packages.PackageCommands;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

import java.io.InputStream;
import dev.capi.domain.packages.Packages;
import jakarta.inject.Inject;

/** {@code /v3/packages}: list, create (or copy), get, update, delete (202), upload and download. */
@Path("/v3/packages")
public final class PackagesResource extends V3Resource {
    private final Packages packages;

    @Inject
    public PackagesResource(Packages packages) {
        this.packages = packages;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, PackageMessages.LIST);
        var page = packages.list(permissions(), params.query());
        var resources = page.resources().stream().map(p -> PackagePresenter.present(p, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/packages", links));
    }

    @POST
    public Response create(@QueryParam("source_guid") String sourceGuid, String body) {
        if (sourceGuid != null) {
            String app = PackageMessages.copy(body);
            return created(PackagePresenter.present(packages.copy(permissions(), sourceGuid, app), links));
        }
        var command = PackageMessages.create(body);
        return created(PackagePresenter.present(packages.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(PackagePresenter.present(packages.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = PackageMessages.update(body);
        return ok(PackagePresenter.present(packages.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(packages.delete(permissions(), guid));
    }

    /** Multipart {@code bits} (zip) and {@code resources} (JSON of already-known files); 200 with the package. */
    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("guid") String guid, FormDataMultiPart form) {
        FormDataBodyPart bits = form.getField("bits");
        FormDataBodyPart resources = form.getField("resources");
        var upload = new PackageCommands.Upload(bits == null ? null : bits.getEntityAs(InputStream.class),
                PackageMessages.resources(resources == null ? null : resources.getValue()));
        return ok(PackagePresenter.present(packages.upload(permissions(), guid, upload), links));
    }

    /**
     * The experimental form (seed 003): an upload module in front of capi stored the file and passes
     * {@code bits_name} and {@code bits_path}; only files inside {@link #UPLOAD_DIR} are taken (and removed).
     */
    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response uploadByPath(@PathParam("guid") String guid, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        String bitsPath = form.getFirst("bits_path");
        if (bitsPath == null || form.getFirst("bits_name") == null) {
            throw CfException.unprocessable(PackageCommands.Upload.NOTHING);
        }
        java.nio.file.Path file = java.nio.file.Path.of(bitsPath).toAbsolutePath().normalize();
        if (!file.startsWith(UPLOAD_DIR) || !java.nio.file.Files.isRegularFile(file)) {
            throw CfException.unprocessable("Bits path is invalid");
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            var upload = new PackageCommands.Upload(in,
                    PackageMessages.resources(form.getFirst("resources")));
            return ok(PackagePresenter.present(packages.upload(permissions(), guid, upload), links));
        } catch (java.io.IOException e) {
            throw CfException.unprocessable("Bits path is invalid");
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // the upload module's temporary file; leaving it is harmless
            }
        }
    }

    /** Where an upload module may leave files for {@link #uploadByPath} ({@code <tmpdir>/capi-uploads}). */
    static final java.nio.file.Path UPLOAD_DIR = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "capi-uploads").toAbsolutePath().normalize();

    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.WILDCARD)
    public Response uploadWithoutForm(@PathParam("guid") String guid) {
        packages.upload(permissions(), guid, new PackageCommands.Upload(null, java.util.List.of()));
        throw CfException.unprocessable(PackageCommands.Upload.NOTHING);
    }

    /** The bits: 302 to the blobstore's download URL when it offers one (a remote store), else streamed. */
    @GET
    @Path("/{guid}/download")
    public Response download(@PathParam("guid") String guid) {
        var download = packages.download(permissions(), guid);
        if (download.redirect().isPresent()) {
            return Response.status(Response.Status.FOUND).location(download.redirect().get()).build();
        }
        var builder = Response.ok(download.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"package.zip\"");
        if (download.sizeBytes() >= 0) {
            builder.header("Content-Length", download.sizeBytes());
        }
        return builder.build();
    }

    /** {@code GET /v3/apps/:guid/packages}. */
    @Path("/v3/apps/{guid}/packages")
    public static final class ForApp extends V3Resource {
        private final Packages packages;

        @Inject
        public ForApp(Packages packages) {
            this.packages = packages;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, PackageMessages.APP_LIST);
            var page = packages.listForApp(permissions(), appGuid, params.query());
            var resources = page.resources().stream().map(p -> PackagePresenter.present(p, links)).toList();
            return ok(Pagination.document(page, resources, params, "/v3/apps/" + appGuid + "/packages", links));
        }
    }
}
