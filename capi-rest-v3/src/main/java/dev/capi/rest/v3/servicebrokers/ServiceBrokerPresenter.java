package dev.capi.rest.v3.servicebrokers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServiceBroker;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Service broker JSON, as the reference presents it: never the credentials. */
public final class ServiceBrokerPresenter {
    private ServiceBrokerPresenter() {
    }

    public static ObjectNode present(ServiceBroker broker, Links links) {
        ObjectNode node = JsonSupport.resource(broker.guid(), broker.createdAt(), broker.updatedAt());
        node.put("name", broker.name());
        node.put("url", broker.url());
        ObjectNode relationships = node.putObject("relationships");
        if (broker.spaceGuid() != null) {
            relationships.set("space", MetadataPresenter.relationship(broker.spaceGuid()));
        }
        node.set("metadata", MetadataPresenter.present(broker.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/service_brokers/" + broker.guid()));
        l.set("service_offerings", links.href("/v3/service_offerings?service_broker_guids=" + broker.guid()));
        if (broker.spaceGuid() != null) {
            l.set("space", links.href("/v3/spaces/" + broker.spaceGuid()));
        }
        return node;
    }
}
