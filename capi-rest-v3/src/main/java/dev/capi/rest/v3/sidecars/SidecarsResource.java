package dev.capi.rest.v3.sidecars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.sidecars.Sidecars;
import dev.capi.model.Sidecar;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Inject;

/** {@code /v3/sidecars/:guid} (get, update, delete 204), and the sidecars of an app or a process. */
@Path("/v3/sidecars")
public final class SidecarsResource extends V3Resource {
    private final Sidecars sidecars;

    @Inject
    public SidecarsResource(Sidecars sidecars) {
        this.sidecars = sidecars;
    }

    static final ListSpec LIST = ListSpec.of();

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(sidecars.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var cmd = command(raw, false);
        return ok(present(sidecars.update(permissions(), guid, cmd), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        sidecars.delete(permissions(), guid);
        return noContent();
    }

    static Sidecars.Command command(String raw, boolean create) {
        Body body = Body.parse(raw, "name", "command", "process_types", "memory_in_mb");
        String name = body.string("name", create, 255);
        String command = body.string("command", create, 4096);
        List<String> types = null;
        JsonNode list = body.json().get("process_types");
        if (list != null || create) {
            if (list == null || !list.isArray()) {
                body.error("Process types must be an array");
            } else if (list.isEmpty()) {
                body.error("Process types must have at least 1 process_type");
            } else {
                types = new ArrayList<>();
                for (JsonNode t : list) {
                    types.add(t.asText());
                }
            }
        }
        Long memory = null;
        JsonNode m = body.json().get("memory_in_mb");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || m.asLong() < 1) {
                body.error("Memory in mb must be greater than 0");
            } else {
                memory = m.asLong();
            }
        }
        body.validate();
        return new Sidecars.Command(name, command, types, memory);
    }

    static ObjectNode present(Sidecar s, Links links) {
        ObjectNode node = JsonSupport.resource(s.guid(), s.createdAt(), s.updatedAt());
        node.put("name", s.name());
        node.put("command", s.command());
        var types = node.putArray("process_types");
        s.processTypes().stream().sorted().forEach(types::add);
        if (s.memoryInMb() == null) {
            node.putNull("memory_in_mb");
        } else {
            node.put("memory_in_mb", s.memoryInMb());
        }
        node.put("origin", s.origin());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", s.appGuid());
        return node;
    }

    /** {@code GET|POST /v3/apps/:guid/sidecars}. */
    @Path("/v3/apps/{guid}/sidecars")
    public static final class ForApp extends V3Resource {
        private final Sidecars sidecars;

        @Inject
        public ForApp(Sidecars sidecars) {
            this.sidecars = sidecars;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = sidecars.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(s -> present(s, links)).toList(),
                    params, "/v3/apps/" + appGuid + "/sidecars", links));
        }

        @POST
        public Response create(@PathParam("guid") String appGuid, String raw) {
            var cmd = command(raw, true);
            return created(present(sidecars.create(permissions(), appGuid, cmd), links));
        }
    }

    /** {@code GET /v3/processes/:guid/sidecars}. */
    @Path("/v3/processes/{guid}/sidecars")
    public static final class ForProcess extends V3Resource {
        private final Sidecars sidecars;

        @Inject
        public ForProcess(Sidecars sidecars) {
            this.sidecars = sidecars;
        }

        @GET
        public Response list(@PathParam("guid") String processGuid) {
            var params = ListParams.parse(uri, LIST);
            var page = sidecars.listForProcess(permissions(), processGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(s -> present(s, links)).toList(),
                    params, "/v3/processes/" + processGuid + "/sidecars", links));
        }
    }
}
