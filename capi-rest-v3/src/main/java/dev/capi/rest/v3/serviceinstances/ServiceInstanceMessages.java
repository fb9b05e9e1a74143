package dev.capi.rest.v3.serviceinstances;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.serviceinstances.ServiceInstanceCommands;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses and validates service instance bodies into domain commands, with the reference's texts. */
final class ServiceInstanceMessages {
    static final String MANAGED = "managed";
    static final String USER_PROVIDED = "user-provided";

    private ServiceInstanceMessages() {
    }

    /** A create body: its type decides which keys it may carry. */
    sealed interface Create permits CreateUserProvided, CreateManaged {
    }

    record CreateUserProvided(ServiceInstanceCommands.CreateUserProvided command) implements Create {
    }

    record CreateManaged(ServiceInstanceCommands.CreateManaged command) implements Create {
    }

    static Create create(String raw) {
        ObjectNode json = JsonSupport.parseObject(raw);
        JsonNode typeNode = json.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        if (!MANAGED.equals(type) && !USER_PROVIDED.equals(type)) {
            Body body = Body.parse(raw, "type", "name", "relationships", "tags", "metadata", "credentials",
                    "syslog_drain_url", "route_service_url", "parameters");
            body.error("Type must be one of 'managed', 'user-provided'");
            name(body, true);
            tags(body);
            body.relationshipGuid("space", true);
            body.validate();
            throw new IllegalStateException("unreachable");
        }
        if (USER_PROVIDED.equals(type)) {
            Body body = Body.parse(raw, "type", "name", "relationships", "tags", "metadata", "credentials",
                    "syslog_drain_url", "route_service_url");
            String name = name(body, true);
            List<String> tags = tags(body);
            String space = body.relationshipGuid("space", true);
            relationshipKeys(body, Set.of("space"));
            Map<String, Object> credentials = map(body, "credentials");
            String syslog = uri(body, "syslog_drain_url", false);
            String routeService = uri(body, "route_service_url", true);
            var metadata = body.metadata();
            body.validate();
            return new CreateUserProvided(new ServiceInstanceCommands.CreateUserProvided(name, space, tags,
                    credentials, syslog, routeService, metadata, request(json)));
        }
        Body body = Body.parse(raw, "type", "name", "relationships", "tags", "metadata", "parameters");
        String name = name(body, true);
        List<String> tags = tags(body);
        String space = body.relationshipGuid("space", true);
        String plan = body.relationshipGuid("service_plan", true);
        relationshipKeys(body, Set.of("space", "service_plan"));
        Map<String, Object> parameters = map(body, "parameters");
        var metadata = body.metadata();
        body.validate();
        return new CreateManaged(new ServiceInstanceCommands.CreateManaged(name, space, plan, tags, parameters,
                metadata, request(json)));
    }

    /**
     * An update body: the keys of both types are parsed here; the domain refuses those that do not fit the
     * instance's type ("Unknown field(s)").
     */
    static ServiceInstanceCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "tags", "metadata", "credentials", "syslog_drain_url",
                "route_service_url", "parameters", "relationships", "maintenance_info");
        ObjectNode json = body.json();
        Set<String> given = new HashSet<>();
        json.fieldNames().forEachRemaining(given::add);
        String name = name(body, false);
        List<String> tags = tags(body);
        Map<String, Object> credentials = map(body, "credentials");
        String syslog = uri(body, "syslog_drain_url", false);
        String routeService = uri(body, "route_service_url", true);
        Map<String, Object> parameters = map(body, "parameters");
        String plan = null;
        if (json.has("relationships")) {
            plan = body.relationshipGuid("service_plan", true);
            relationshipKeys(body, Set.of("service_plan"));
        }
        Map<String, Object> maintenance = null;
        if (json.has("maintenance_info")) {
            JsonNode mi = json.get("maintenance_info");
            if (!mi.isObject()) {
                body.error("Maintenance info must be an object");
            } else if (!mi.path("version").isTextual()) {
                body.error("Maintenance info version must be a string");
            } else {
                maintenance = toMap(mi);
            }
        }
        var metadata = body.metadata();
        body.validate();
        return new ServiceInstanceCommands.Update(given, name, tags, credentials, syslog, routeService, plan,
                parameters, maintenance, metadata, request(json));
    }

    /** {@code {"data": [{"guid": ...}, ...]}}: the spaces to share with. */
    static List<String> shareSpaces(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        List<String> guids = new ArrayList<>();
        if (data == null || !data.isArray()) {
            body.error("Data must be an array");
        } else if (data.isEmpty()) {
            body.error("Data must have at least one element");
        } else {
            for (int i = 0; i < data.size(); i++) {
                JsonNode guid = data.get(i).path("guid");
                if (!guid.isTextual()) {
                    body.error("Invalid data type: Data[" + i + "] guid should be a string.");
                } else {
                    guids.add(guid.asText());
                }
            }
        }
        body.validate();
        return guids;
    }

    private static String name(Body body, boolean required) {
        JsonNode node = body.json().get("name");
        if (node == null || node.isNull()) {
            if (required) {
                body.error("Name can't be blank");
            }
            return null;
        }
        if (!node.isTextual()) {
            body.error("Name must be a string");
            return null;
        }
        if (required && node.asText().isBlank()) {
            body.error("Name can't be blank");
            return null;
        }
        if (node.asText().length() > 255) {
            body.error("Name is too long (maximum is 255 characters)");
            return null;
        }
        return node.asText();
    }

    private static List<String> tags(Body body) {
        JsonNode node = body.json().get("tags");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            body.error("Tags must be an array");
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : node) {
            if (!t.isTextual()) {
                body.error("Tags must be a list of strings");
                return null;
            }
            tags.add(t.asText());
        }
        if (String.join("", tags).length() > 2048) {
            body.error("Tags combined length must be less than 2048 characters");
            return null;
        }
        return tags;
    }

    private static Map<String, Object> map(Body body, String key) {
        JsonNode node = body.json().get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            body.error(Body.humanize(key) + " must be an object");
            return null;
        }
        return toMap(node);
    }

    private static String uri(Body body, String key, boolean https) {
        JsonNode node = body.json().get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String label = Body.humanize(key);
        if (!node.isTextual() || !validUri(node.asText())) {
            body.error(label + " must be a valid URI");
            return null;
        }
        if (https && !node.asText().startsWith("https:")) {
            body.error(label + " must be https");
            return null;
        }
        return node.asText();
    }

    private static boolean validUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void relationshipKeys(Body body, Set<String> allowed) {
        JsonNode rel = body.json().get("relationships");
        if (rel == null || !rel.isObject()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        rel.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            body.error("Relationships Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
    }

    static Map<String, Object> toMap(JsonNode node) {
        return JsonSupport.MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static Map<String, Object> request(ObjectNode json) {
        return toMap(json);
    }
}
