package dev.capi.rest.v3.tasks;

import dev.capi.model.Task;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.tasks.Tasks;
import jakarta.inject.Inject;

/** {@code /v3/tasks}: list, get, update, cancel (POST and PUT, and the seed's PUT /cancel); and app tasks. */
@Path("/v3/tasks")
public final class TasksResource extends V3Resource {
    private final Tasks tasks;

    @Inject
    public TasksResource(Tasks tasks) {
        this.tasks = tasks;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, TaskMessages.LIST);
        var page = tasks.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream()
                .map(t -> TaskPresenter.present(t, false, links)).toList(), params, "/v3/tasks", links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        Task t = tasks.get(permissions(), guid);
        return ok(TaskPresenter.present(t, tasks.canSeeCommand(permissions(), t), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var metadata = TaskMessages.update(raw);
        Task t = tasks.update(permissions(), guid, metadata);
        return ok(TaskPresenter.present(t, tasks.canSeeCommand(permissions(), t), links));
    }

    @POST
    @Path("/{guid}/actions/cancel")
    public Response cancel(@PathParam("guid") String guid) {
        return accepted(TaskPresenter.present(tasks.cancel(permissions(), guid), true, links), null);
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

    /** {@code GET|POST /v3/apps/:guid/tasks}. */
    @Path("/v3/apps/{guid}/tasks")
    public static final class ForApp extends V3Resource {
        private final Tasks tasks;

        @Inject
        public ForApp(Tasks tasks) {
            this.tasks = tasks;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, TaskMessages.APP_LIST);
            var page = tasks.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(t -> TaskPresenter.present(t,
                    tasks.canSeeCommand(permissions(), t), links)).toList(), params,
                    "/v3/apps/" + appGuid + "/tasks", links));
        }

        @POST
        public Response create(@PathParam("guid") String appGuid, String raw) {
            var command = TaskMessages.create(raw);
            Task t = tasks.create(permissions(), appGuid, command);
            return accepted(TaskPresenter.present(t, true, links), null);
        }
    }
}
