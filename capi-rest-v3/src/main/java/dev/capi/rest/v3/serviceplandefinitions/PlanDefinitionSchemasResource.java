package dev.capi.rest.v3.serviceplandefinitions;

import dev.capi.domain.serviceofferings.ServiceOfferingFilter;
import dev.capi.domain.serviceplandefinitions.PlanDefinitionSchemas;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code GET /v3/service_plan_definition_schemas} (global readers): every offering with its broker's plan definition
 * schema or null; filters {@code names}, {@code service_broker_guids}, {@code service_broker_names},
 * {@code label_selector}.
 */
@Path("/v3/service_plan_definition_schemas")
public final class PlanDefinitionSchemasResource extends V3Resource {
    static final ListSpec LIST = ListSpec.of(List.of(ServiceOfferingFilter.NAMES,
            ServiceOfferingFilter.SERVICE_BROKER_GUIDS, ServiceOfferingFilter.SERVICE_BROKER_NAMES))
            .labelSelector().withoutTimestamps();

    private final PlanDefinitionSchemas schemas;

    @Inject
    public PlanDefinitionSchemasResource(PlanDefinitionSchemas schemas) {
        this.schemas = schemas;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = schemas.list(permissions(), params.query());
        var resources = page.resources().stream().map(s -> PlanDefinitionPresenter.present(s, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/service_plan_definition_schemas", links));
    }
}
