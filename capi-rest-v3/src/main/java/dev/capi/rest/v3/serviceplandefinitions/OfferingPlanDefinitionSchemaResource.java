package dev.capi.rest.v3.serviceplandefinitions;

import dev.capi.domain.serviceplandefinitions.PlanDefinitionSchemas;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code GET /v3/service_offerings/:guid/plan_definition_schema} (global readers): the schema or null. */
@Path("/v3/service_offerings/{guid}/plan_definition_schema")
public final class OfferingPlanDefinitionSchemaResource extends V3Resource {
    private final PlanDefinitionSchemas schemas;

    @Inject
    public OfferingPlanDefinitionSchemaResource(PlanDefinitionSchemas schemas) {
        this.schemas = schemas;
    }

    @GET
    public Response get(@PathParam("guid") String guid) {
        return ok(PlanDefinitionPresenter.present(schemas.get(permissions(), guid), links));
    }
}
