package dev.capi.rest.internal.apps;

import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import dev.capi.domain.processes.ProcessCrashes;

/** {@code POST /internal/v4/apps/:process_guid/crashed}: an instance crashed; recorded as an audit event; 200 {}. */
@Path("/internal/v4/apps")
public final class ProcessCrashResource {
    private final ProcessCrashes crashes;

    @Inject
    public ProcessCrashResource(ProcessCrashes crashes) {
        this.crashes = crashes;
    }

    @POST
    @Path("/{guid}/crashed")
    @SuppressWarnings("unchecked")
    public Response crashed(@PathParam("guid") String processGuid, String raw) {
        var body = InternalJson.parseObject(raw);
        Map<String, Object> payload = InternalJson.MAPPER.convertValue(body, Map.class);
        crashes.record(processGuid, payload);
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }
}
