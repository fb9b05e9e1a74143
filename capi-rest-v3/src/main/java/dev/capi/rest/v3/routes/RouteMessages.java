package dev.capi.rest.v3.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.routes.RouteCommands;
import dev.capi.domain.routes.RouteOptions;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates route requests with the reference's texts. */
final class RouteMessages {
    static final String[] INCLUDES = {"domain", "space", "space.organization", "route_policies"};
    static final ListSpec LIST = ListSpec.of("hosts", "space_guids", "organization_guids", "domain_guids", "paths",
            "app_guids", "ports", "service_instance_guids").labelSelector().include(INCLUDES);
    private static final String ONE = "must be structured like this: \"%s: {\"data\": {\"guid\": \"valid-guid\"}}\"";

    private RouteMessages() {
    }

    static RouteCommands.Create create(String raw, boolean hashRouting) {
        Body body = Body.parse(raw, "host", "path", "port", "relationships", "options", "metadata");
        MetadataUpdate metadata = body.metadata();
        String host = host(body);
        String path = path(body);
        Integer port = port(body);
        String space = null;
        String domain = null;
        JsonNode rel = body.json().get("relationships");
        if (rel == null || rel.isNull() || (rel.isObject() && rel.isEmpty())) {
            body.error("Relationships can't be blank");
        }
        if (rel != null && !rel.isNull()) {
            if (!rel.isObject()) {
                body.error("Relationships 'relationships' is not an object");
            } else {
                List<String> unknown = new ArrayList<>();
                rel.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("space") && !k.equals("domain")) {
                        unknown.add(k);
                    }
                });
                if (!unknown.isEmpty()) {
                    body.error("Relationships Unknown field(s): '" + String.join("', '", unknown) + "'");
                }
                space = toOne(body, rel, "space");
                domain = toOne(body, rel, "domain");
            }
        }
        Map<String, Object> options = options(body, hashRouting);
        body.validate();
        return new RouteCommands.Create(host, path, port, body.has("port"), space, domain, options, metadata,
                audit(body.json()));
    }

    private static String toOne(Body body, JsonNode rel, String name) {
        JsonNode node = rel.get(name);
        if (node == null || node.isNull()) {
            body.error("Relationships " + Body.humanize(name) + " can't be blank");
            return null;
        }
        JsonNode data = node.get("data");
        if (!node.isObject() || node.size() != 1 || data == null || !data.isObject()
                || !data.path("guid").isTextual()) {
            body.error("Relationships " + Body.humanize(name) + " " + String.format(ONE, name));
            return null;
        }
        return data.get("guid").asText();
    }

    private static String host(Body body) {
        JsonNode node = body.json().get("host");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            body.error("Host must be a string");
            return null;
        }
        String host = node.asText();
        if (host.length() > 63) {
            body.error("Host is too long (maximum is 63 characters)");
        }
        if (!host.matches("\\A([\\w-]+|\\*)?\\z")) {
            body.error("Host must be either \"*\" or contain only alphanumeric characters, \"_\", or \"-\"");
        }
        return host;
    }

    private static String path(Body body) {
        JsonNode node = body.json().get("path");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            body.error("Path must be a string");
            return null;
        }
        String path = node.asText();
        if (path.length() > 128) {
            body.error("Path is too long (maximum is 128 characters)");
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            body.error("Path must begin with /");
        }
        if (path.contains("?")) {
            body.error("Path cannot contain ?");
        }
        if (path.equals("/")) {
            body.error("Path cannot be exactly /");
        }
        return path;
    }

    private static Integer port(Body body) {
        JsonNode node = body.json().get("port");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            body.error("Port is not a number");
            return null;
        }
        if (!node.isIntegralNumber()) {
            body.error("Port must be an integer");
            return null;
        }
        long p = node.asLong();
        if (p < 0) {
            body.error("Port must be greater than or equal to 0");
            return null;
        }
        if (p > 65535) {
            body.error("Port must be less than or equal to 65535");
            return null;
        }
        return (int) p;
    }

    /** The options object as JSON scalars (null when absent), validated as the reference's OptionsValidator. */
    private static Map<String, Object> options(Body body, boolean hashRouting) {
        if (!body.has("options")) {
            return null;
        }
        JsonNode node = body.json().get("options");
        if (!node.isObject()) {
            body.error("Options 'options' is not a valid object");
            return null;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            options.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue() : v.isBoolean()
                    ? v.asBoolean() : v.isTextual() ? v.asText() : v.toString());
        });
        RouteOptions.errors(options, JsonSupport.write(node), hashRouting).forEach(body::error);
        return options;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> audit(JsonNode json) {
        return JsonSupport.MAPPER.convertValue(json, LinkedHashMap.class);
    }

    static RouteCommands.Update update(String raw, boolean hashRouting) {
        Body body = Body.parse(raw, "options", "metadata");
        MetadataUpdate metadata = body.metadata();
        Map<String, Object> options = options(body, hashRouting);
        body.validate();
        return new RouteCommands.Update(options, metadata);
    }

    /** {@code {"data": [{"guid": ...}]}} of a share request. */
    static List<String> toMany(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        List<String> guids = new ArrayList<>();
        if (data == null || data.isNull() || (data.isArray() && data.isEmpty())) {
            body.error("Data can't be blank");
        } else if (!data.isArray()) {
            body.error("Data must be an array");
        } else {
            for (int i = 0; i < data.size(); i++) {
                JsonNode guid = data.get(i).get("guid");
                if (guid == null || !guid.isTextual()) {
                    body.error("Invalid data type: Data[" + i + "] guid should be a string.");
                } else {
                    guids.add(guid.asText());
                }
            }
        }
        body.validate();
        return guids;
    }

    /** {@code {"data": {"guid": ...}}} of a transfer. */
    static String transfer(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        String guid = null;
        if (data == null || data.isNull()) {
            body.error("Data can't be blank");
        } else if (!data.isObject()) {
            body.error("Data must be an object");
        } else {
            if (data.size() != 1) {
                body.error("Data can only accept one key");
            }
            if (!data.has("guid")) {
                body.error("Data can only accept key 'guid'");
            } else if (!data.get("guid").isTextual()) {
                body.error("Data " + data.get("guid") + " must be a string");
            } else if (data.get("guid").asText().isEmpty()) {
                body.error("Data guid can't be blank");
            } else {
                guid = data.get("guid").asText();
            }
        }
        body.validate();
        return guid;
    }

    /** {@code ?unmapped=true} of DELETE /v3/spaces/:guid/routes, with the reference's texts. */
    static void unmapped(Map<String, String> raw) {
        List<String> errors = new ArrayList<>();
        List<String> unknown = raw.keySet().stream().filter(k -> !k.equals("unmapped")).toList();
        if (!unknown.isEmpty()) {
            errors.add("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        String unmapped = raw.get("unmapped");
        if (unmapped == null || unmapped.isBlank()) {
            errors.add("Unmapped can't be blank");
        }
        if (unmapped == null) {
            errors.add("Mass delete not supported for routes. Use 'unmapped=true' parameter to delete all unmapped "
                    + "routes.");
        }
        if (!"true".equals(unmapped) && !"false".equals(unmapped)) {
            errors.add("Unmapped must be a boolean");
        } else if ("false".equals(unmapped)) {
            errors.add("Mass delete not supported for mapped routes. Use 'unmapped=true' parameter to delete all "
                    + "unmapped routes.");
        }
        if (!errors.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", errors));
        }
    }

    /** A request that takes no query parameters (route delete): any key is 422. */
    static void noQuery(Map<String, String> raw) {
        if (!raw.isEmpty()) {
            throw CfException.unprocessable("Unknown query parameter(s): '" + String.join("', '", raw.keySet())
                    + "'");
        }
    }
}
