package dev.capi.rest.v3.servicebindings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServiceRouteBinding;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Route binding JSON, as the reference presents it. */
public final class ServiceRouteBindingPresenter {
    private ServiceRouteBindingPresenter() {
    }

    public static ObjectNode present(ServiceRouteBinding b, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", b.guid());
        node.put("route_service_url", b.routeServiceUrl());
        node.put("created_at", JsonSupport.timestamp(b.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(b.updatedAt()));
        node.set("last_operation", BindingPresentation.lastOperation(b.lastOperation()));
        node.set("metadata", MetadataPresenter.present(b.metadata()));
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("service_instance", MetadataPresenter.relationship(b.serviceInstanceGuid()));
        relationships.set("route", MetadataPresenter.relationship(b.routeGuid()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/service_route_bindings/" + b.guid();
        l.set("self", links.href(self));
        l.set("service_instance", links.href("/v3/service_instances/" + b.serviceInstanceGuid()));
        l.set("route", links.href("/v3/routes/" + b.routeGuid()));
        if (b.managedInstance()) {
            l.set("parameters", links.href(self + "/parameters"));
        }
        return node;
    }
}
