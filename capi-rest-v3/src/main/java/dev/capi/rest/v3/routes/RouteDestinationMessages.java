package dev.capi.rest.v3.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.routes.RouteCommands;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates route destination requests (insert, replace, update, list filters) with the reference's texts. */
final class RouteDestinationMessages {
    private RouteDestinationMessages() {
    }

    /** The destinations of an insert ({@code replace} false: 1..100, no weights) or a replace (0..100). */
    static List<RouteCommands.Destination> destinations(String raw, boolean replace) {
        Body body = Body.parse(raw, "destinations");
        JsonNode list = body.json().get("destinations");
        int minimum = replace ? 0 : 1;
        List<RouteCommands.Destination> result = new ArrayList<>();
        if (list == null || !list.isArray() || list.size() < minimum || list.size() > 100) {
            body.error("Destinations must be an array containing between " + minimum
                    + " and 100 destination objects.");
            body.validate();
            return result;
        }
        Map<String, Integer> portsPerApp = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String prefix = "Destinations[" + i + "]: ";
            if (!d.isObject()) {
                body.error(prefix + "must be an object.");
                continue;
            }
            if (!d.has("app")) {
                body.error(prefix + "must have an \"app\".");
                continue;
            }
            List<String> keys = new ArrayList<>();
            d.fieldNames().forEachRemaining(keys::add);
            if (!List.of("app", "weight", "port", "protocol").containsAll(keys)) {
                body.error(prefix + "must have only \"app\" and optionally \"weight\", \"port\" or \"protocol\".");
                continue;
            }
            JsonNode app = d.get("app");
            String appGuid = null;
            String processType = null;
            if (!app.isObject() || !app.path("guid").isTextual() || app.get("guid").asText().isEmpty()
                    || app.get("guid").asText().length() >= 200) {
                body.error(prefix + "app must have the structure {\"guid\": \"app_guid\"}");
            } else {
                appGuid = app.get("guid").asText();
                JsonNode process = app.get("process");
                if (process != null && !process.isNull()) {
                    if (!process.isObject() || process.size() != 1 || !process.path("type").isTextual()
                            || process.get("type").asText().isEmpty()) {
                        body.error(prefix + "process must have the structure {\"type\": \"process_type\"}");
                    } else {
                        processType = process.get("type").asText();
                    }
                }
            }
            Integer weight = null;
            JsonNode w = d.get("weight");
            if (w != null && !w.isNull()) {
                if (!replace) {
                    body.error(prefix + "weighted destinations can only be used when replacing all destinations.");
                } else if (!w.isIntegralNumber() || w.asLong() < 1 || w.asLong() > 100) {
                    body.error(prefix + "weight must be a positive integer between 1 and 100.");
                } else {
                    weight = w.asInt();
                }
            }
            Integer port = null;
            JsonNode p = d.get("port");
            if (p != null && !p.isNull()) {
                if (!p.isIntegralNumber() || p.asLong() < 1024 || p.asLong() > 65535) {
                    body.error(prefix + "port must be a positive integer between 1024 and 65535 inclusive.");
                } else {
                    port = p.asInt();
                }
            }
            String protocol = null;
            JsonNode pr = d.get("protocol");
            if (pr != null && !pr.isNull()) {
                if (!pr.isTextual() || !List.of("http1", "http2", "tcp").contains(pr.asText())) {
                    body.error(prefix + "protocol must be 'http1', 'http2' or 'tcp'.");
                } else {
                    protocol = pr.asText();
                }
            }
            portsPerApp.merge(app.toString(), 1, Integer::sum);
            result.add(new RouteCommands.Destination(appGuid, processType, port, weight, protocol));
        }
        if (portsPerApp.values().stream().anyMatch(n -> n > 10)) {
            body.error("Process must have at most 10 exposed ports.");
        }
        body.validate();
        long weighted = result.stream().filter(x -> x.weight() != null).count();
        if (weighted > 0) {
            if (weighted < result.size()) {
                throw CfException.unprocessable("Destinations cannot contain both weighted and unweighted "
                        + "destinations.");
            }
            if (result.stream().mapToInt(RouteCommands.Destination::weight).sum() != 100) {
                throw CfException.unprocessable("Destinations must have weights that sum to 100.");
            }
        }
        return result;
    }

    /** {@code {"protocol": ...}} of a destination update (null when absent). */
    static String destinationProtocol(String raw) {
        Body body = Body.parse(raw, "protocol");
        String protocol = null;
        if (body.has("protocol")) {
            JsonNode p = body.json().get("protocol");
            if (!p.isTextual() || !List.of("http1", "http2", "tcp").contains(p.asText())) {
                body.error("Destination protocol must be 'http1', 'http2' or 'tcp'.");
            } else {
                protocol = p.asText();
            }
        }
        body.validate();
        return protocol;
    }

    /** The destination list's filters ({@code guids}, {@code app_guids}); anything else is 422. */
    static RouteCommands.DestinationFilter destinationFilter(Map<String, String> raw) {
        List<String> unknown = raw.keySet().stream().filter(k -> !k.equals("guids") && !k.equals("app_guids"))
                .toList();
        if (!unknown.isEmpty()) {
            throw CfException.unprocessable("Unknown query parameter(s): '" + String.join("', '", unknown)
                    + "'. Valid parameters are: 'guids', 'app_guids'");
        }
        return new RouteCommands.DestinationFilter(
                raw.containsKey("guids") ? ListParams.splitValues(raw.get("guids")) : null,
                raw.containsKey("app_guids") ? ListParams.splitValues(raw.get("app_guids")) : null);
    }
}
