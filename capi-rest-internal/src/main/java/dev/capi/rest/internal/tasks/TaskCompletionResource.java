package dev.capi.rest.internal.tasks;

import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.tasks.Tasks;

/** {@code POST /internal/v4/tasks/:guid/completed}: the runtime reports {@code {failed, failure_reason}}; 200 {}. */
@Path("/internal/v4/tasks")
public final class TaskCompletionResource {
    private final Tasks tasks;

    @Inject
    public TaskCompletionResource(Tasks tasks) {
        this.tasks = tasks;
    }


    @POST
    @Path("/{guid}/completed")
    public Response completed(@PathParam("guid") String guid, String raw) {
        var body = InternalJson.parseObject(raw);
        tasks.completed(guid, body.path("failed").asBoolean(false), body.path("failure_reason").asText(null));
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }
}
