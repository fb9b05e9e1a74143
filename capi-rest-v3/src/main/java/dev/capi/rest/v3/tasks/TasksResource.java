package dev.capi.rest.v3.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.tasks.Tasks;
import dev.capi.model.Task;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;

/** {@code /v3/tasks}: list, get, update, cancel (POST and PUT, and the seed's PUT /cancel); and app tasks. */
@Path("/v3/tasks")
public final class TasksResource extends V3Resource {
    private final Tasks tasks;

    @Inject
    public TasksResource(Tasks tasks) {
        this.tasks = tasks;
    }

    static final ListSpec LIST = ListSpec.of("guids", "names", "states", "app_guids", "space_guids",
            "organization_guids").labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = tasks.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(t -> present(t, false, links)).toList(),
                params, "/v3/tasks", links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        Task t = tasks.get(permissions(), guid);
        return ok(present(t, tasks.canSeeCommand(permissions(), t), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        Task t = tasks.update(permissions(), guid, metadata);
        return ok(present(t, tasks.canSeeCommand(permissions(), t), links));
    }

    @POST
    @Path("/{guid}/actions/cancel")
    public Response cancel(@PathParam("guid") String guid) {
        return accepted(present(tasks.cancel(permissions(), guid), true, links), null);
    }

    @PUT
    @Path("/{guid}/actions/cancel")
    public Response cancelByPut(@PathParam("guid") String guid) {
        return cancel(guid);
    }

    @PUT
    @Path("/{guid}/cancel")
    public Response cancelLegacy(@PathParam("guid") String guid) {
        return cancel(guid);
    }

    static ObjectNode present(Task t, boolean showCommand, Links links) {
        ObjectNode node = JsonSupport.resource(t.guid(), t.createdAt(), t.updatedAt());
        node.put("sequence_id", t.sequenceId());
        node.put("name", t.name());
        if (showCommand) {
            node.put("command", t.command());
        }
        node.put("user", t.user());
        node.put("state", t.state());
        node.put("memory_in_mb", t.memoryInMb());
        node.put("disk_in_mb", t.diskInMb());
        node.put("log_rate_limit_in_bytes_per_second", t.logRateLimit());
        node.putObject("result").put("failure_reason", t.failureReason());
        node.put("droplet_guid", t.dropletGuid());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", t.appGuid());
        node.set("metadata", MetadataPresenter.present(t.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/tasks/" + t.guid()));
        l.set("app", links.href("/v3/apps/" + t.appGuid()));
        l.set("cancel", links.action("/v3/tasks/" + t.guid() + "/actions/cancel", "POST"));
        l.set("droplet", links.href("/v3/droplets/" + t.dropletGuid()));
        return node;
    }

    /** {@code GET|POST /v3/apps/:guid/tasks}. */
    @Path("/v3/apps/{guid}/tasks")
    public static final class ForApp extends V3Resource {
        private final Tasks tasks;

        @Inject
        public ForApp(Tasks tasks) {
            this.tasks = tasks;
        }

        static final ListSpec LIST = ListSpec.of("guids", "names", "states", "sequence_ids").labelSelector();

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = tasks.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(t -> present(t,
                    tasks.canSeeCommand(permissions(), t), links)).toList(), params,
                    "/v3/apps/" + appGuid + "/tasks", links));
        }

        @POST
        public Response create(@PathParam("guid") String appGuid, String raw) {
            Body body = Body.parse(raw, "name", "command", "memory_in_mb", "disk_in_mb",
                    "log_rate_limit_in_bytes_per_second", "droplet_guid", "template", "metadata");
            String name = body.string("name", false, 255);
            String command = body.string("command", false, 4096);
            Long memory = body.positiveLong("memory_in_mb");
            Long disk = body.positiveLong("disk_in_mb");
            Long logRate = body.has("log_rate_limit_in_bytes_per_second")
                    && body.json().get("log_rate_limit_in_bytes_per_second").canConvertToLong()
                    ? body.json().get("log_rate_limit_in_bytes_per_second").asLong() : null;
            String droplet = body.string("droplet_guid", false, 36);
            var template = body.object("template");
            String templateProcess = template != null && template.path("process").path("guid").isTextual()
                    ? template.get("process").get("guid").asText() : null;
            if (command == null && templateProcess == null) {
                body.error("Command can't be blank");
            }
            var metadata = body.metadata();
            body.validate();
            Task t = tasks.create(permissions(), appGuid, new Tasks.Create(name, command, memory, disk,
                    logRate, droplet, templateProcess, metadata));
            return accepted(present(t, true, links), null);
        }

    }
}
