package dev.capi.rest.v3.serviceofferings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServiceOffering;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Service offering JSON, as the reference presents it. */
public final class ServiceOfferingPresenter {
    private ServiceOfferingPresenter() {
    }

    public static ObjectNode present(ServiceOffering o, Links links) {
        ObjectNode node = JsonSupport.resource(o.guid(), o.createdAt(), o.updatedAt());
        node.put("name", o.name());
        node.put("description", o.description());
        node.put("available", o.available());
        var tags = node.putArray("tags");
        o.tags().forEach(tags::add);
        var requires = node.putArray("requires");
        o.requires().forEach(requires::add);
        node.put("shareable", o.shareable());
        node.put("documentation_url", o.documentationUrl());
        ObjectNode catalog = node.putObject("broker_catalog");
        catalog.put("id", o.catalogId());
        catalog.set("metadata", JsonSupport.MAPPER.valueToTree(o.extra()));
        ObjectNode features = catalog.putObject("features");
        features.put("plan_updateable", o.planUpdateable());
        features.put("bindable", o.bindable());
        features.put("instances_retrievable", o.instancesRetrievable());
        features.put("bindings_retrievable", o.bindingsRetrievable());
        features.put("allow_context_updates", o.allowContextUpdates());
        node.putObject("relationships").set("service_broker", MetadataPresenter.relationship(o.brokerGuid()));
        node.set("metadata", MetadataPresenter.present(o.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/service_offerings/" + o.guid()));
        l.set("service_plans", links.href("/v3/service_plans?service_offering_guids=" + o.guid()));
        l.set("service_broker", links.href("/v3/service_brokers/" + o.brokerGuid()));
        return node;
    }
}
