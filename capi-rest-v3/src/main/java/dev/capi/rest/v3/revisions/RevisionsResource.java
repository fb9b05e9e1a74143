package dev.capi.rest.v3.revisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Revision;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.MetadataPresenter;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.revisions.Revisions;
import jakarta.inject.Inject;

/** {@code /v3/revisions/:guid} (get, update, environment variables) and an app's revisions. */
@Path("/v3/revisions")
public final class RevisionsResource extends V3Resource {
    private final Revisions revisions;

    @Inject
    public RevisionsResource(Revisions revisions) {
        this.revisions = revisions;
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(revisions.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return ok(present(revisions.update(permissions(), guid, metadata), links));
    }

    @GET
    @Path("/{guid}/environment_variables")
    public Response environmentVariables(@PathParam("guid") String guid) {
        Revision r = revisions.environmentVariables(permissions(), guid);
        ObjectNode node = JsonSupport.object();
        node.set("var", JsonSupport.MAPPER.valueToTree(r.environmentVariables()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/revisions/" + guid + "/environment_variables"));
        l.set("revision", links.href("/v3/revisions/" + guid));
        l.set("app", links.href("/v3/apps/" + r.appGuid()));
        return ok(node);
    }

    static ObjectNode present(Revision r, Links links) {
        ObjectNode node = JsonSupport.resource(r.guid(), r.createdAt(), r.updatedAt());
        node.put("version", r.version());
        node.putObject("droplet").put("guid", r.dropletGuid());
        ObjectNode processes = node.putObject("processes");
        r.processCommands().forEach((type, command) -> processes.putObject(type).put("command", command));
        node.putArray("sidecars");
        node.put("description", r.description());
        node.put("deployable", r.deployable());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", r.appGuid());
        node.set("metadata", MetadataPresenter.present(r.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/revisions/" + r.guid()));
        l.set("app", links.href("/v3/apps/" + r.appGuid()));
        l.set("environment_variables", links.href("/v3/revisions/" + r.guid() + "/environment_variables"));
        return node;
    }

    /** {@code GET /v3/apps/:guid/revisions} and {@code /revisions/deployed}. */
    @Path("/v3/apps/{guid}/revisions")
    public static final class ForApp extends V3Resource {
        private final Revisions revisions;

        @Inject
        public ForApp(Revisions revisions) {
            this.revisions = revisions;
        }

        static final ListSpec LIST = ListSpec.of("guids", "versions").labelSelector();

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = revisions.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(r -> present(r, links)).toList(),
                    params, "/v3/apps/" + appGuid + "/revisions", links));
        }

        @GET
        @Path("/deployed")
        public Response deployed(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, ListSpec.of());
            var page = revisions.deployed(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(r -> present(r, links)).toList(),
                    params, "/v3/apps/" + appGuid + "/revisions/deployed", links));
        }
    }
}
