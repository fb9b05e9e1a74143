package dev.capi.rest.v3.droplets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;
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
import dev.capi.domain.droplets.Droplets;
import jakarta.inject.Inject;

/** {@code /v3/droplets}: list, create (or copy), get, update, delete (202), upload (202) and download. */
@Path("/v3/droplets")
public final class DropletsResource extends V3Resource {
    private final Droplets droplets;

    @Inject
    public DropletsResource(Droplets droplets) {
        this.droplets = droplets;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, DropletMessages.LIST);
        var page = droplets.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(this::present).toList(), params,
                "/v3/droplets", links));
    }

    ObjectNode present(Droplet d) {
        return DropletPresenter.present(d, droplets.canSeeSecrets(permissions(), d), links);
    }

    @POST
    public Response create(@QueryParam("source_guid") String sourceGuid, String raw) {
        if (sourceGuid != null) {
            String app = DropletMessages.copy(raw);
            return created(present(droplets.copy(permissions(), sourceGuid, app)));
        }
        var create = DropletMessages.create(raw);
        return created(present(droplets.create(permissions(), create.appGuid(), create.processTypes(),
                create.metadata())));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(droplets.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var update = DropletMessages.update(raw);
        return ok(present(droplets.update(permissions(), guid, update.metadata(), update.image())));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(droplets.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("guid") String guid, FormDataMultiPart form) {
        FormDataBodyPart bits = form.getField("bits");
        var accepted = droplets.upload(permissions(), guid,
                bits == null ? null : bits.getEntityAs(InputStream.class));
        return accepted(present(accepted.droplet()), accepted.job());
    }

    @GET
    @Path("/{guid}/download")
    public Response download(@PathParam("guid") String guid) {
        var d = droplets.download(permissions(), guid);
        if (d.redirect().isPresent()) {
            return Response.status(Response.Status.FOUND).location(d.redirect().get()).build();
        }
        var builder = Response.ok(d.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"droplet.tgz\"");
        if (d.sizeBytes() >= 0) {
            builder.header("Content-Length", d.sizeBytes());
        }
        return builder.build();
    }

    /** {@code GET /v3/apps/:guid/droplets} (with {@code current=true}). */
    @Path("/v3/apps/{guid}/droplets")
    public static final class ForApp extends V3Resource {
        private final Droplets droplets;

        @Inject
        public ForApp(Droplets droplets) {
            this.droplets = droplets;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, DropletMessages.APP_LIST);
            var list = DropletMessages.appList(params.query());
            Page<Droplet> page = droplets.listForApp(permissions(), appGuid, list.query(), list.current());
            return ok(Pagination.document(page, page.resources().stream().map(d -> DropletPresenter.present(d,
                    droplets.canSeeSecrets(permissions(), d), links)).toList(), params,
                    "/v3/apps/" + appGuid + "/droplets", links));
        }
    }

    /** {@code GET /v3/packages/:guid/droplets}. */
    @Path("/v3/packages/{guid}/droplets")
    public static final class ForPackage extends V3Resource {
        private final Droplets droplets;

        @Inject
        public ForPackage(Droplets droplets) {
            this.droplets = droplets;
        }

        @GET
        public Response list(@PathParam("guid") String packageGuid) {
            var params = ListParams.parse(uri, DropletMessages.PACKAGE_LIST);
            var page = droplets.listForPackage(permissions(), packageGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(d -> DropletPresenter.present(d,
                    droplets.canSeeSecrets(permissions(), d), links)).toList(), params,
                    "/v3/packages/" + packageGuid + "/droplets", links));
        }
    }
}
