package dev.capi.rest.v3.serviceplans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.ServicePlan;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Service plan JSON, as the reference presents it (costs from the catalog metadata's {@code costs}). */
public final class ServicePlanPresenter {
    private ServicePlanPresenter() {
    }

    public static ObjectNode present(ServicePlan p, Links links) {
        ObjectNode node = JsonSupport.resource(p.guid(), p.createdAt(), p.updatedAt());
        node.put("name", p.name());
        node.put("visibility_type", p.visibilityType().wireName());
        node.put("available", p.available());
        node.put("free", p.free());
        node.set("costs", costs(p.extra().get("costs")));
        node.put("description", p.description());
        node.set("maintenance_info", JsonSupport.MAPPER.valueToTree(p.maintenanceInfo()));
        ObjectNode catalog = node.putObject("broker_catalog");
        catalog.put("id", p.catalogId());
        catalog.set("metadata", JsonSupport.MAPPER.valueToTree(p.extra()));
        if (p.maximumPollingDuration() == null) {
            catalog.putNull("maximum_polling_duration");
        } else {
            catalog.put("maximum_polling_duration", p.maximumPollingDuration());
        }
        ObjectNode features = catalog.putObject("features");
        features.put("bindable", p.bindable());
        features.put("plan_updateable", p.planUpdateable());
        ObjectNode schemas = node.putObject("schemas");
        ObjectNode instance = schemas.putObject("service_instance");
        instance.putObject("create").set("parameters", parameters(p.schemas(), "service_instance", "create"));
        instance.putObject("update").set("parameters", parameters(p.schemas(), "service_instance", "update"));
        schemas.putObject("service_binding").putObject("create")
                .set("parameters", parameters(p.schemas(), "service_binding", "create"));
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("service_offering", MetadataPresenter.relationship(p.offeringGuid()));
        if (p.brokerSpaceGuid() != null) {
            relationships.set("space", MetadataPresenter.relationship(p.brokerSpaceGuid()));
        }
        node.set("metadata", MetadataPresenter.present(p.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/service_plans/" + p.guid()));
        l.set("service_offering", links.href("/v3/service_offerings/" + p.offeringGuid()));
        l.set("visibility", links.href("/v3/service_plans/" + p.guid() + "/visibility"));
        if (p.brokerSpaceGuid() != null) {
            l.set("space", links.href("/v3/spaces/" + p.brokerSpaceGuid()));
        }
        return node;
    }

    private static JsonNode parameters(Map<String, Object> schemas, String group, String operation) {
        if (schemas.get(group) instanceof Map<?, ?> g && g.get(operation) instanceof Map<?, ?> op
                && op.get("parameters") instanceof Map<?, ?> parameters) {
            return JsonSupport.MAPPER.valueToTree(parameters);
        }
        return JsonSupport.object();
    }

    /**
     * The catalog's {@code costs} ([{amount: {usd: 1.5}, unit: "MONTHLY"}]) as [{currency: "USD", amount: 1.5,
     * unit: "MONTHLY"}]; an empty list when they do not have that shape, as the reference's schema check decides.
     */
    static ArrayNode costs(Object costs) {
        ArrayNode result = JsonSupport.MAPPER.createArrayNode();
        if (!(costs instanceof List<?> list)) {
            return result;
        }
        ArrayNode built = JsonSupport.MAPPER.createArrayNode();
        for (Object cost : list) {
            if (!(cost instanceof Map<?, ?> c) || !(c.get("amount") instanceof Map<?, ?> amount) || amount.isEmpty()
                    || !(c.get("unit") instanceof String unit) || unit.isEmpty()) {
                return result;
            }
            for (var e : amount.entrySet()) {
                if (!(e.getValue() instanceof Number n) || String.valueOf(e.getKey()).isEmpty()) {
                    return result;
                }
                ObjectNode entry = built.addObject();
                entry.put("currency", String.valueOf(e.getKey()).toUpperCase(Locale.ROOT));
                entry.put("amount", n.doubleValue());
                entry.put("unit", unit);
            }
        }
        return built;
    }
}
