package dev.capi.rest.v3.servicebindings;

import dev.capi.domain.routes.Routes;
import dev.capi.domain.servicebindings.RouteBindings;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v3/service_route_bindings}: list, create (201 for a user-provided instance, 202 with a job for managed
 * ones), get, update (metadata), delete (204 or 202 with a job) and parameters; lists and gets take
 * {@code include=route,service_instance}.
 */
@Path("/v3/service_route_bindings")
public final class ServiceRouteBindingsResource extends V3Resource {
    private final RouteBindings bindings;
    private final Routes routes;
    private final ServiceInstances instances;

    @Inject
    public ServiceRouteBindingsResource(RouteBindings bindings, Routes routes, ServiceInstances instances) {
        this.bindings = bindings;
        this.routes = routes;
        this.instances = instances;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, ServiceBindingMessages.ROUTE_LIST);
        var page = bindings.list(permissions(), params.query());
        var resources = page.resources().stream().map(b -> ServiceRouteBindingPresenter.present(b, links)).toList();
        var doc = Pagination.document(page, resources, params, "/v3/service_route_bindings", links);
        if (!params.includes().isEmpty()) {
            doc.set("included", BindingIncludes.route(permissions(), page.resources(), params.includes(), routes,
                    instances, links));
        }
        return ok(doc);
    }

    @POST
    public Response create(String body) {
        var created = bindings.create(permissions(), ServiceBindingMessages.createRoute(body));
        if (created.job() != null) {
            return accepted(created.job());
        }
        return created(ServiceRouteBindingPresenter.present(created.binding(), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, BindingIncludes.ROUTE);
        var binding = bindings.get(permissions(), guid);
        var node = ServiceRouteBindingPresenter.present(binding, links);
        if (!includes.isEmpty()) {
            node.set("included", BindingIncludes.route(permissions(), java.util.List.of(binding), includes, routes,
                    instances, links));
        }
        return ok(node);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var metadata = ServiceBindingMessages.update(body);
        return ok(ServiceRouteBindingPresenter.present(bindings.update(permissions(), guid, metadata,
                ServiceBindingMessages.updateAudit(body)), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return bindings.delete(permissions(), guid).map(this::accepted).orElseGet(V3Resource::noContent);
    }

    @GET
    @Path("/{guid}/parameters")
    public Response parameters(@PathParam("guid") String guid) {
        return ok(JsonSupport.MAPPER.valueToTree(bindings.parameters(permissions(), guid)));
    }
}
