package dev.capi.server.osbapi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A broker API path with its query, resolved against the broker's URL (which may itself carry a path). */
final class BrokerPath {
    private final String path;
    private final Map<String, String> query;

    private BrokerPath(String path, Map<String, String> query) {
        this.path = path;
        this.query = query;
    }

    static BrokerPath of(String path) {
        return new BrokerPath(path, new LinkedHashMap<>());
    }

    static BrokerPath instance(String instanceId) {
        return of("/v2/service_instances/" + encode(instanceId));
    }

    static BrokerPath binding(String instanceId, String bindingId) {
        return instance(instanceId).then("/service_bindings/" + encode(bindingId));
    }

    /** OSMAPI: an offering's extension endpoints live under {@code /v2/service_offerings/:service_id}. */
    static BrokerPath offering(String serviceId) {
        return of("/v2/service_offerings/" + encode(serviceId));
    }

    static BrokerPath planDefinition(String serviceId, String planId) {
        return offering(serviceId).then("/plan_definitions/" + encode(planId));
    }

    BrokerPath then(String more) {
        return new BrokerPath(path + more, new LinkedHashMap<>(query));
    }

    BrokerPath acceptsIncomplete() {
        return query("accepts_incomplete", "true");
    }

    /** Adds a query parameter; a null value is left out. */
    BrokerPath query(String name, String value) {
        var copy = new LinkedHashMap<>(query);
        if (value != null) {
            copy.put(name, value);
        }
        return new BrokerPath(path, copy);
    }

    URI resolveAgainst(String brokerUrl) {
        String base = brokerUrl.endsWith("/") ? brokerUrl.substring(0, brokerUrl.length() - 1) : brokerUrl;
        String queryString = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
