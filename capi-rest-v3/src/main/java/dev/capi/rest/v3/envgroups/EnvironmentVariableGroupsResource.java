package dev.capi.rest.v3.envgroups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.EnvironmentVariableGroup;
import dev.capi.rest.v3.apps.AppMessages;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.envgroups.EnvironmentVariableGroups;
import jakarta.inject.Inject;

/** {@code /v3/environment_variable_groups/running|staging}: read by everyone, merged by admins (null deletes). */
@Path("/v3/environment_variable_groups")
public final class EnvironmentVariableGroupsResource extends V3Resource {
    private final EnvironmentVariableGroups environmentVariableGroups;

    @Inject
    public EnvironmentVariableGroupsResource(EnvironmentVariableGroups environmentVariableGroups) {
        this.environmentVariableGroups = environmentVariableGroups;
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name) {
        return ok(present(environmentVariableGroups.get(name)));
    }

    @PATCH
    @Path("/{name}")
    public Response update(@PathParam("name") String name, String body) {
        environmentVariableGroups.get(name);
        var changes = AppMessages.environmentVariables(body);
        return ok(present(environmentVariableGroups.update(permissions(), name, changes)));
    }

    private ObjectNode present(EnvironmentVariableGroup group) {
        ObjectNode node = JsonSupport.object();
        node.put("updated_at", JsonSupport.timestamp(group.updatedAt()));
        node.put("name", group.name());
        ObjectNode var = node.putObject("var");
        group.variables().forEach(var::put);
        node.putObject("links").set("self", links.href("/v3/environment_variable_groups/" + group.name()));
        return node;
    }
}
