package dev.capi.rest.v3.serviceplans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.serviceofferings.ServiceOfferings;
import dev.capi.domain.serviceplandefinitions.ServicePlanCreate;
import dev.capi.domain.serviceplans.ServicePlanFilter;
import dev.capi.domain.serviceplans.ServicePlans;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Organization;
import dev.capi.model.ServicePlan;
import dev.capi.model.Space;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.serviceofferings.CatalogFields;
import dev.capi.rest.v3.serviceofferings.ServiceOfferingPresenter;
import dev.capi.rest.v3.serviceplandefinitions.PlanDefinitionMessages;
import dev.capi.rest.v3.spaces.SpacePresenter;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.Public;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code /v3/service_plans}: list and get (the marketplace: also unauthenticated unless
 * {@code hide_marketplace_from_unauthenticated_users}; {@code include=space.organization,service_offering},
 * {@code fields[service_offering.service_broker]}), create from an OSMAPI plan definition, metadata update and
 * delete.
 */
@Path("/v3/service_plans")
public final class ServicePlansResource extends V3Resource {
    static final String BROKER_FIELDS = "service_offering.service_broker";
    static final String[] INCLUDES = {"space.organization", "service_offering"};
    static final ListSpec LIST = ListSpec.of(ServicePlanFilter.LIST).orderBy("name").labelSelector()
            .include(INCLUDES).extraKeys(CatalogFields.key(BROKER_FIELDS));

    private final ServicePlans plans;
    private final ServiceOfferings offerings;
    private final ServicePlanCreate create;

    @Inject
    public ServicePlansResource(ServicePlans plans, ServiceOfferings offerings, ServicePlanCreate create) {
        this.plans = plans;
        this.offerings = offerings;
        this.create = create;
    }

    private Permissions caller() {
        return principal() == null ? null : permissions();
    }

    @GET
    @Public
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var fields = CatalogFields.parse(uri, BROKER_FIELDS);
        var page = plans.list(caller(), params.query());
        var resources = page.resources().stream().map(p -> ServicePlanPresenter.present(p, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/service_plans", links);
        ObjectNode included = included(page.resources(), params.includes(), fields);
        if (included != null) {
            doc.set("included", included);
        }
        return ok(doc);
    }

    @POST
    public Response create(String raw) {
        var command = PlanDefinitionMessages.create(raw);
        return created(ServicePlanPresenter.present(create.create(permissions(), command), links));
    }

    @GET
    @Public
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, INCLUDES);
        var fields = CatalogFields.parse(uri, BROKER_FIELDS);
        ServicePlan plan = plans.get(caller(), guid);
        ObjectNode node = ServicePlanPresenter.present(plan, links);
        ObjectNode included = included(List.of(plan), includes, fields);
        if (included != null) {
            node.set("included", included);
        }
        return ok(node);
    }

    private ObjectNode included(List<ServicePlan> list, List<String> includes, Set<String> fields) {
        if (includes.isEmpty() && fields.isEmpty()) {
            return null;
        }
        ObjectNode included = JsonSupport.object();
        if (includes.contains("space.organization")) {
            var found = plans.spacesOf(list);
            var spaces = included.putArray("spaces");
            for (Space s : found.spaces()) {
                spaces.add(SpacePresenter.present(s, links));
            }
            var orgs = included.putArray("organizations");
            for (Organization o : found.organizations()) {
                orgs.add(OrganizationPresenter.present(o, links));
            }
        }
        if (includes.contains("service_offering")) {
            var offeringGuids = list.stream().map(ServicePlan::offeringGuid).distinct().toList();
            var array = included.putArray("service_offerings");
            if (!offeringGuids.isEmpty()) {
                var query = ListQuery.all().withFilter("guids", offeringGuids);
                offerings.list(caller(), query).resources()
                        .forEach(o -> array.add(ServiceOfferingPresenter.present(o, links)));
            }
        }
        if (!fields.isEmpty()) {
            var brokers = new LinkedHashMap<String, String>();
            list.forEach(p -> brokers.put(p.brokerGuid(), p.brokerName()));
            included.setAll(CatalogFields.brokers(brokers, fields));
        }
        return included;
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return ok(ServicePlanPresenter.present(plans.update(permissions(), guid, metadata), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        plans.delete(permissions(), guid);
        return noContent();
    }
}
