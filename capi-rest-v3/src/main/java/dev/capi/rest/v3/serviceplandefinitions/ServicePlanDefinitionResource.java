package dev.capi.rest.v3.serviceplandefinitions;

import dev.capi.domain.serviceplandefinitions.PlanDefinitions;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code /v3/service_plans/:guid/definition}: get (global readers), replace and delete (admins). */
@Path("/v3/service_plans/{guid}/definition")
public final class ServicePlanDefinitionResource extends V3Resource {
    private final PlanDefinitions definitions;

    @Inject
    public ServicePlanDefinitionResource(PlanDefinitions definitions) {
        this.definitions = definitions;
    }

    @GET
    public Response get(@PathParam("guid") String guid) {
        return ok(PlanDefinitionPresenter.present(definitions.get(permissions(), guid), links));
    }

    @PATCH
    public Response update(@PathParam("guid") String guid, String raw) {
        var definition = PlanDefinitionMessages.update(raw);
        return ok(PlanDefinitionPresenter.present(definitions.replace(permissions(), guid, definition), links));
    }

    @DELETE
    public Response delete(@PathParam("guid") String guid) {
        definitions.delete(permissions(), guid);
        return noContent();
    }
}
