package dev.capi.rest.v3.servicebindings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.servicebindings.CredentialBindings;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.model.ServiceRouteBinding;
import dev.capi.rest.v3.apps.AppPresenter;
import dev.capi.rest.v3.routes.RoutePresenter;
import dev.capi.rest.v3.serviceinstances.ServiceInstancePresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

import java.util.List;

/**
 * The {@code included} object of binding lists and gets, as the reference's binding decorators build it: {@code apps}
 * and {@code service_instances} of credential bindings, {@code routes} and {@code service_instances} of route
 * bindings, each oldest first and read in one batch (a constant number of queries per request).
 */
final class BindingIncludes {
    static final String[] CREDENTIAL = {"app", "service_instance"};
    static final String[] ROUTE = {"route", "service_instance"};

    private BindingIncludes() {
    }

    static ObjectNode credential(List<ServiceCredentialBinding> bindings, List<String> includes,
                                 CredentialBindings credentialBindings, ServiceInstances instances, Links links) {
        ObjectNode included = JsonSupport.object();
        if (includes.contains("app")) {
            ArrayNode apps = included.putArray("apps");
            credentialBindings.appsOf(bindings).forEach(a -> apps.add(AppPresenter.present(a, links)));
        }
        if (includes.contains("service_instance")) {
            instances(included, bindings.stream().map(ServiceCredentialBinding::serviceInstanceGuid).toList(),
                    instances, links);
        }
        return included;
    }

    static ObjectNode route(Permissions perms, List<ServiceRouteBinding> bindings, List<String> includes,
                            Routes routes, ServiceInstances instances, Links links) {
        ObjectNode included = JsonSupport.object();
        if (includes.contains("route")) {
            ArrayNode out = included.putArray("routes");
            var guids = bindings.stream().map(ServiceRouteBinding::routeGuid).distinct().toList();
            if (!guids.isEmpty()) {
                routes.list(perms, ListQuery.all().withFilter("guids", guids)).resources().stream()
                        .sorted(java.util.Comparator.comparing((dev.capi.domain.routes.RouteDetails d) ->
                                d.route().createdAt()).thenComparing(d -> d.route().guid()))
                        .forEach(d -> out.add(RoutePresenter.present(d, links)));
            }
        }
        if (includes.contains("service_instance")) {
            instances(included, bindings.stream().map(ServiceRouteBinding::serviceInstanceGuid).toList(), instances,
                    links);
        }
        return included;
    }

    private static void instances(ObjectNode included, List<String> guids, ServiceInstances instances, Links links) {
        ArrayNode out = included.putArray("service_instances");
        var found = instances.byGuids(guids);
        var plans = instances.plansOf(found);
        found.forEach(si -> out.add(ServiceInstancePresenter.present(si,
                si.servicePlanGuid() == null ? null : plans.get(si.servicePlanGuid()), links)));
    }
}
