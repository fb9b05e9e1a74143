package dev.capi.rest.v3.serviceinstances;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fields[<resource>]=<keys>} parameter of service instance reads, as the reference's field decorators:
 * the named related resources appear under {@code included} with only the requested keys.
 */
final class ServiceInstanceFields {
    static final Map<String, List<String>> INSTANCE = ordered(
            "space", List.of("guid", "name", "relationships.organization"),
            "space.organization", List.of("name", "guid"),
            "service_plan", List.of("guid", "name", "relationships.service_offering"),
            "service_plan.service_offering", List.of("name", "guid", "relationships.service_broker"),
            "service_plan.service_offering.service_broker", List.of("name", "guid"));
    static final Map<String, List<String>> SHARED_SPACES = ordered(
            "space", List.of("name", "guid", "relationships.organization"),
            "space.organization", List.of("name", "guid"));

    private final Map<String, List<String>> requested;

    private ServiceInstanceFields(Map<String, List<String>> requested) {
        this.requested = requested;
    }

    static ServiceInstanceFields parse(MultivaluedMap<String, String> query, Map<String, List<String>> allowed) {
        Map<String, List<String>> requested = new LinkedHashMap<>();
        for (var e : query.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("fields[")) {
                continue;
            }
            if (!key.endsWith("]") || !allowed.containsKey(key.substring(7, key.length() - 1))) {
                throw CfException.badQuery("Fields valid resources are: '"
                        + String.join("', '", allowed.keySet()) + "'");
            }
            String resource = key.substring(7, key.length() - 1);
            List<String> keys = new ArrayList<>();
            for (String value : e.getValue()) {
                for (String k : value.split(",", -1)) {
                    if (!allowed.get(resource).contains(k)) {
                        throw CfException.badQuery("Fields valid keys for '" + resource + "' are: '"
                                + String.join("', '", allowed.get(resource)) + "'");
                    }
                    keys.add(k);
                }
            }
            requested.put(resource, keys);
        }
        return new ServiceInstanceFields(requested);
    }

    boolean isEmpty() {
        return requested.isEmpty();
    }

    ObjectNode included(ServiceInstances instances, List<ServiceInstance> rows,
                        Map<String, OfferedPlans.OfferedPlan> plans, Links links) {
        ObjectNode included = JsonSupport.object();
        if (requested.containsKey("space") || requested.containsKey("space.organization")) {
            Collection<Space> spaces = instances.spacesOf(rows).values();
            spaces(included, instances, spaces);
        }
        List<OfferedPlans.OfferedPlan> used = rows.stream().map(ServiceInstance::servicePlanGuid)
                .filter(plans::containsKey).distinct().map(plans::get).toList();
        if (requested.containsKey("service_plan")) {
            ArrayNode out = included.putArray("service_plans");
            for (var p : used) {
                ObjectNode n = out.addObject();
                for (String k : requested.get("service_plan")) {
                    switch (k) {
                        case "guid" -> n.put("guid", p.guid());
                        case "name" -> n.put("name", p.name());
                        default -> n.putObject("relationships").putObject("service_offering").putObject("data")
                                .put("guid", p.offeringGuid());
                    }
                }
            }
        }
        if (requested.containsKey("service_plan.service_offering")) {
            ArrayNode out = included.putArray("service_offerings");
            List<String> seen = new ArrayList<>();
            for (var p : used) {
                if (seen.contains(p.offeringGuid())) {
                    continue;
                }
                seen.add(p.offeringGuid());
                ObjectNode n = out.addObject();
                for (String k : requested.get("service_plan.service_offering")) {
                    switch (k) {
                        case "guid" -> n.put("guid", p.offeringGuid());
                        case "name" -> n.put("name", p.offeringName());
                        default -> n.putObject("relationships").putObject("service_broker").putObject("data")
                                .put("guid", p.brokerGuid());
                    }
                }
            }
        }
        if (requested.containsKey("service_plan.service_offering.service_broker")) {
            ArrayNode out = included.putArray("service_brokers");
            List<String> seen = new ArrayList<>();
            for (var p : used) {
                if (seen.contains(p.brokerGuid())) {
                    continue;
                }
                seen.add(p.brokerGuid());
                ObjectNode n = out.addObject();
                for (String k : requested.get("service_plan.service_offering.service_broker")) {
                    n.put(k, "guid".equals(k) ? p.brokerGuid() : p.brokerName());
                }
            }
        }
        return included;
    }

    ObjectNode includedSpaces(ServiceInstances instances, List<Space> spaces) {
        ObjectNode included = JsonSupport.object();
        spaces(included, instances, spaces);
        return included;
    }

    private void spaces(ObjectNode included, ServiceInstances instances, Collection<Space> spaces) {
        if (requested.containsKey("space")) {
            ArrayNode out = included.putArray("spaces");
            for (Space s : spaces) {
                ObjectNode n = out.addObject();
                for (String k : requested.get("space")) {
                    switch (k) {
                        case "guid" -> n.put("guid", s.guid());
                        case "name" -> n.put("name", s.name());
                        default -> n.putObject("relationships").putObject("organization").putObject("data")
                                .put("guid", s.organizationGuid());
                    }
                }
            }
        }
        if (requested.containsKey("space.organization")) {
            ArrayNode out = included.putArray("organizations");
            Map<String, String> names = instances.organizationNames(spaces);
            names.forEach((guid, name) -> {
                ObjectNode n = out.addObject();
                for (String k : requested.get("space.organization")) {
                    n.put(k, "guid".equals(k) ? guid : name);
                }
            });
        }
    }

    private static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) pairs[i + 1];
            out.put((String) pairs[i], keys);
        }
        return out;
    }
}
