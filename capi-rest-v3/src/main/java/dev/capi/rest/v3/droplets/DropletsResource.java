package dev.capi.rest.v3.droplets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final ListSpec LIST = ListSpec.of("guids", "app_guids", "space_guids", "organization_guids", "states")
            .labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
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
            Body body = Body.parse(raw, "relationships");
            String app = body.relationshipGuid("app", true);
            body.validate();
            return created(present(droplets.copy(permissions(), sourceGuid, app)));
        }
        Body body = Body.parse(raw, "relationships", "process_types", "metadata");
        String app = body.relationshipGuid("app", true);
        Map<String, String> types = null;
        var given = body.object("process_types");
        if (body.has("process_types") && given == null) {
            body.error("Process types must be an object");
        } else if (given != null) {
            types = new LinkedHashMap<>();
            for (var it = given.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!f.getValue().isTextual()) {
                    body.error("Process types must have string values");
                    break;
                }
                types.put(f.getKey(), f.getValue().asText());
            }
        }
        var metadata = body.metadata();
        body.validate();
        return created(present(droplets.create(permissions(), app, types, metadata)));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(droplets.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata", "image");
        String image = body.string("image", false, 4096);
        var metadata = body.metadata();
        body.validate();
        return ok(present(droplets.update(permissions(), guid, metadata, image)));
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

        static final ListSpec LIST = ListSpec.of("guids", "states", "current").labelSelector();

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, LIST);
            var q = params.query();
            List<String> current = q.filter("current");
            var filters = new java.util.HashMap<>(q.filters());
            filters.remove("current");
            var withoutCurrent = new dev.capi.domain.query.ListQuery(q.page(), q.perPage(), q.orderBy(), filters,
                    q.timestamps(), q.labelSelector(), q.visibility());
            Page<Droplet> page = droplets.listForApp(permissions(), appGuid, withoutCurrent,
                    current != null && current.contains("true"));
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

        static final ListSpec LIST = ListSpec.of("guids", "states").labelSelector();

        @GET
        public Response list(@PathParam("guid") String packageGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = droplets.listForPackage(permissions(), packageGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(d -> DropletPresenter.present(d,
                    droplets.canSeeSecrets(permissions(), d), links)).toList(), params,
                    "/v3/packages/" + packageGuid + "/droplets", links));
        }
    }
}
