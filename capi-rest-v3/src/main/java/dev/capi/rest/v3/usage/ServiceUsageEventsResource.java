package dev.capi.rest.v3.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.usage.ServiceUsageEvents;
import jakarta.inject.Inject;

/** {@code /v3/service_usage_events}: list (after_guid for consumers), get, and the admin's purge-and-reseed. */
@Path("/v3/service_usage_events")
public final class ServiceUsageEventsResource extends V3Resource {
    private final ServiceUsageEvents serviceUsageEvents;

    @Inject
    public ServiceUsageEventsResource(ServiceUsageEvents serviceUsageEvents) {
        this.serviceUsageEvents = serviceUsageEvents;
    }

    static final ListSpec LIST = ListSpec.of("after_guid", "service_instance_types", "service_offering_guids")
            .onlyOrderBy("created_at").withoutUpdatedAts().unprocessableOnError();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        AfterGuid.requireAtMostOne(params);
        var page = serviceUsageEvents.list(permissions(), params.query());
        var resources = page.resources().stream().map(this::present).toList();
        return ok(Pagination.document(page, resources, params, "/v3/service_usage_events", links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(serviceUsageEvents.get(permissions(), guid)));
    }

    @POST
    @Path("/actions/destructively_purge_all_and_reseed")
    public Response purge() {
        serviceUsageEvents.purgeAndReseed(permissions());
        return ok(JsonSupport.object());
    }

    private ObjectNode present(ServiceUsageEvent e) {
        ObjectNode node = JsonSupport.resource(e.guid(), e.createdAt(), e.createdAt());
        node.put("state", e.state());
        node.putObject("space").put("guid", e.spaceGuid()).put("name", e.spaceName());
        node.putObject("organization").put("guid", e.organizationGuid());
        node.putObject("service_instance").put("guid", e.serviceInstanceGuid())
                .put("name", e.serviceInstanceName()).put("type", e.serviceInstanceType());
        node.putObject("service_plan").put("guid", e.servicePlanGuid()).put("name", e.servicePlanName());
        node.putObject("service_offering").put("guid", e.serviceOfferingGuid()).put("name", e.serviceOfferingName());
        node.putObject("service_broker").put("guid", e.serviceBrokerGuid()).put("name", e.serviceBrokerName());
        node.putObject("links").set("self", links.href("/v3/service_usage_events/" + e.guid()));
        return node;
    }
}
