package dev.capi.rest.v3.serviceofferings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code fields[<resource>]=guid,name} parameter of the catalog lists (offerings: {@code service_broker}; plans:
 * {@code service_offering.service_broker}), validated with the reference's texts, and the broker entries it adds to
 * {@code included.service_brokers}.
 */
public final class CatalogFields {
    private static final List<String> KEYS = List.of("guid", "name");

    private CatalogFields() {
    }

    /** The {@code fields[...]} query keys an endpoint accepts. */
    public static String key(String resource) {
        return "fields[" + resource + "]";
    }

    /** The requested broker fields (empty when none); 400 for another resource or key. */
    public static Set<String> parse(UriInfo uri, String resource) {
        Set<String> requested = new TreeSet<>();
        for (var entry : uri.getQueryParameters().entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("fields[")) {
                continue;
            }
            String named = key.substring("fields[".length(), key.length() - 1);
            if (!key.endsWith("]") || !named.equals(resource)) {
                throw CfException.badQuery("Fields [" + named + "] valid resources are: '" + resource + "'");
            }
            for (String value : entry.getValue()) {
                for (String field : ListParams.splitValues(value)) {
                    if (!KEYS.contains(field)) {
                        throw CfException.badQuery("Fields valid keys for '" + resource + "' are: 'guid', 'name'");
                    }
                    requested.add(field);
                }
            }
        }
        return requested;
    }

    /** {@code included.service_brokers}: one entry per distinct broker (guid and name as requested). */
    public static ObjectNode brokers(Map<String, String> namesByGuid, Set<String> fields) {
        ObjectNode included = JsonSupport.object();
        ArrayNode brokers = included.putArray("service_brokers");
        new LinkedHashMap<>(namesByGuid).forEach((guid, name) -> {
            ObjectNode b = brokers.addObject();
            if (fields.contains("name")) {
                b.put("name", name);
            }
            if (fields.contains("guid")) {
                b.put("guid", guid);
            }
        });
        return included;
    }
}
