package dev.capi.rest.v3.serviceplandefinitions;

import dev.capi.domain.serviceplandefinitions.PlanDefinitions;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionFilter;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v3/service_plan_definitions} (global readers): every plan with its definition or null; filters
 * {@code names}, {@code service_offering_guids}, {@code service_broker_guids}, {@code service_broker_names},
 * {@code label_selector}, {@code created_ats}, {@code updated_ats}.
 */
@Path("/v3/service_plan_definitions")
public final class ServicePlanDefinitionsResource extends V3Resource {
    static final ListSpec LIST = ListSpec.of(ServicePlanDefinitionFilter.LIST).orderBy("name").labelSelector();

    private final PlanDefinitions definitions;

    @Inject
    public ServicePlanDefinitionsResource(PlanDefinitions definitions) {
        this.definitions = definitions;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = definitions.list(permissions(), params.query());
        var resources = page.resources().stream().map(d -> PlanDefinitionPresenter.present(d, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/service_plan_definitions", links));
    }
}
