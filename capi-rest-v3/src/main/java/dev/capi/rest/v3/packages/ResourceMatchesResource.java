package dev.capi.rest.v3.packages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.packages.PackageCommands;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import dev.capi.domain.packages.ResourcePool;
import jakarta.inject.Inject;

/** {@code POST /v3/resource_matches}: which of the given files the resource pool already holds (201). */
@Path("/v3/resource_matches")
public final class ResourceMatchesResource extends V3Resource {
    private final ResourcePool resourcePool;

    @Inject
    public ResourceMatchesResource(ResourcePool resourcePool) {
        this.resourcePool = resourcePool;
    }

    @POST
    public Response match(String raw) {
        Body body = Body.parse(raw, "resources");
        JsonNode list = body.json().get("resources");
        if (list == null || !list.isArray()) {
            body.error("Resources must be an array");
        } else if (list.size() > 5000) {
            body.error("Resources array can have at most 5000 resources");
        }
        body.validate();
        List<PackageCommands.Resource> given = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode r : list) {
            String sha1 = r.path("checksum").path("value").asText(null);
            given.add(new PackageCommands.Resource(r.path("path").asText(""), sha1, r.path("size_in_bytes").asLong(),
                    r.path("mode").asText(null)));
            nodes.add(r);
        }
        var matches = resourcePool.matches(given);
        var result = JsonSupport.object();
        var resources = result.putArray("resources");
        for (int i = 0; i < given.size(); i++) {
            if (matches.contains(given.get(i))) {
                resources.add(nodes.get(i));
            }
        }
        return created(result);
    }
}
