package dev.capi.rest.internal.tasks;

import dev.capi.domain.DomainServices;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /internal/v4/tasks/:guid/completed}: the runtime reports {@code {failed, failure_reason}}; 200 {}. */
@Path("/internal/v4/tasks")
public final class TaskCompletionResource {
    @Inject
    DomainServices domain;

    @POST
    @Path("/{guid}/completed")
    public Response completed(@PathParam("guid") String guid, String raw) {
        var body = InternalJson.parseObject(raw);
        domain.tasks().completed(guid, body.path("failed").asBoolean(false), body.path("failure_reason").asText(null));
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }
}
