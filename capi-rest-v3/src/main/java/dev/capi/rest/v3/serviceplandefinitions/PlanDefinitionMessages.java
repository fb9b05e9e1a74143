package dev.capi.rest.v3.serviceplandefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.serviceplandefinitions.ServicePlanCreate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies of {@code POST /v3/service_plans} ({@code name}, {@code description},
 * {@code relationships.service_offering}, {@code definition}; name and description must equal the definition's) and
 * {@code PATCH /v3/service_plans/:guid/definition} ({@code definition}). A definition has {@code plan_id},
 * {@code name} and {@code description} (strings; the last two required), {@code properties} and {@code metadata}
 * (objects); its read-only {@code created_at} and {@code resource_version} are the broker's and are not sent.
 */
public final class PlanDefinitionMessages {
    private static final Set<String> DEFINITION_KEYS = Set.of("plan_id", "name", "description", "properties",
            "metadata", "created_at", "resource_version");
    private static final Set<String> READ_ONLY = Set.of("created_at", "resource_version");

    private PlanDefinitionMessages() {
    }

    public static ServicePlanCreate.Command create(String raw) {
        Body body = Body.parse(raw, "name", "description", "relationships", "definition");
        String name = body.string("name", true, 255);
        String description = body.string("description", true, 10_000);
        String offering = body.relationshipGuid("service_offering", true);
        Map<String, Object> definition = definition(body);
        if (definition != null) {
            if (name != null && !name.equals(definition.get("name"))) {
                body.error("Name must match the definition's name");
            }
            if (description != null && !description.equals(definition.get("description"))) {
                body.error("Description must match the definition's description");
            }
        }
        body.validate();
        return new ServicePlanCreate.Command(name, description, offering, definition);
    }

    public static Map<String, Object> update(String raw) {
        Body body = Body.parse(raw, "definition");
        Map<String, Object> definition = definition(body);
        body.validate();
        return definition;
    }

    private static Map<String, Object> definition(Body body) {
        if (!body.has("definition") || body.isNull("definition")) {
            body.error("Definition must be an object");
            return null;
        }
        ObjectNode node = body.object("definition");
        if (node == null) {
            return null;
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!DEFINITION_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            body.error("Definition has unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        boolean valid = unknown.isEmpty();
        valid &= text(body, node, "name", true);
        valid &= text(body, node, "description", true);
        valid &= text(body, node, "plan_id", false);
        for (String key : List.of("properties", "metadata")) {
            JsonNode value = node.get(key);
            if (value != null && !value.isNull() && !value.isObject()) {
                body.error("Definition " + key + " must be an object");
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!READ_ONLY.contains(e.getKey()) && !e.getValue().isNull()) {
                definition.put(e.getKey(), JsonSupport.MAPPER.convertValue(e.getValue(), Object.class));
            }
        });
        return definition;
    }

    private static boolean text(Body body, ObjectNode node, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                body.error("Definition " + key + " can't be blank");
            }
            return !required;
        }
        if (!value.isTextual() || required && value.asText().isBlank()) {
            body.error(value.isTextual() ? "Definition " + key + " can't be blank"
                    : "Definition " + key + " must be a string");
            return false;
        }
        return true;
    }
}
