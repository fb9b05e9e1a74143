package dev.capi.rest.v3.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.metadata.MetadataValidator;
import dev.capi.domain.support.MessageErrors;
import dev.capi.model.MetadataUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read strictly: unknown keys refused, each field read with its type rule, every problem
 * collected and reported at once as 422 with the reference's texts ("Name can't be blank, Name must be a string").
 * Absent and null stay apart ({@link #has} vs {@link #isNull}), as PATCH semantics need.
 */
public final class Body {
    private static final MetadataValidator METADATA_VALIDATOR = new MetadataValidator();

    private final ObjectNode json;
    private final MessageErrors errors = new MessageErrors();

    private Body(ObjectNode json) {
        this.json = json;
    }

    /** Parses the body (400 MessageParseError if it is not a JSON object) and refuses keys not in {@code allowed}. */
    public static Body parse(String raw, String... allowed) {
        Body body = new Body(JsonSupport.parseObject(raw));
        body.errors.unknownKeys(body.json::fieldNames, List.of(allowed));
        return body;
    }

    public ObjectNode json() {
        return json;
    }

    public boolean has(String key) {
        return json.has(key);
    }

    public boolean isNull(String key) {
        return json.has(key) && json.get(key).isNull();
    }

    public void error(String message) {
        errors.add(message);
    }

    /** Turns "per_page" into "Per page", as Rails humanizes attribute names. */
    public static String humanize(String key) {
        return MessageErrors.humanize(key);
    }

    /** A string field; required means present, non-null and not blank. */
    public String string(String key, boolean required, int maxLength) {
        JsonNode node = json.get(key);
        return errors.string(key, node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node,
                required, maxLength);
    }

    /** A whole number above 0 (null when absent or null): "<Key> must be greater than 0" otherwise. */
    public Long positiveLong(String key) {
        JsonNode node = json.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1) {
            errors.add(humanize(key) + " must be greater than 0");
            return null;
        }
        return node.asLong();
    }

    /** A boolean field (null when absent). */
    public Boolean bool(String key) {
        JsonNode node = json.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(humanize(key) + " must be a boolean");
            return null;
        }
        return node.asBoolean();
    }

    /** An object field (null when absent or null). */
    public ObjectNode object(String key) {
        JsonNode node = json.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(humanize(key) + " must be an object");
            return null;
        }
        return (ObjectNode) node;
    }

    /** {@code relationships.<name>.data.guid}, reporting the reference's texts when the shape is wrong. */
    public String relationshipGuid(String name, boolean required) {
        ObjectNode relationships = object("relationships");
        if (relationships == null) {
            if (required) {
                errors.add("Relationships must be an object");
            }
            return null;
        }
        JsonNode rel = relationships.get(name);
        if (rel == null || rel.isNull()) {
            if (required) {
                errors.add("Relationships " + humanize(name).toLowerCase() + " must be an object");
            }
            return null;
        }
        JsonNode data = rel.get("data");
        if (!rel.isObject() || data == null || !data.isObject() || !data.path("guid").isTextual()) {
            errors.add(humanize(name) + " must be structured like this: \"" + name
                    + ": {\"data\": {\"guid\": \"valid-guid\"}}\"");
            return null;
        }
        return data.get("guid").asText();
    }

    /** The {@code metadata} field as an update (null when absent), validated with the reference's rules. */
    public MetadataUpdate metadata() {
        JsonNode node = json.get("metadata");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("Metadata must be an object");
            return null;
        }
        List<String> unexpected = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!k.equals("labels") && !k.equals("annotations")) {
                unexpected.add(k);
            }
        });
        if (!unexpected.isEmpty()) {
            errors.add("Metadata has unexpected field(s): '" + String.join("', '", unexpected) + "'");
            return null;
        }
        Map<String, String> labels = stringMap(node.get("labels"), "labels");
        Map<String, String> annotations = stringMap(node.get("annotations"), "annotations");
        MetadataUpdate update = new MetadataUpdate(labels, annotations);
        METADATA_VALIDATOR.validate(update).forEach(e -> errors.add("Metadata " + e));
        return update;
    }

    private Map<String, String> stringMap(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("Metadata " + what + " must be an object");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                map.put(e.getKey(), null);
            } else if (v.isTextual()) {
                map.put(e.getKey(), v.asText());
            } else {
                errors.add("Metadata " + what + " values must be strings or null");
            }
        });
        return map;
    }

    /** Throws 422 UnprocessableEntity with every collected problem, if any. */
    public void validate() {
        errors.validate();
    }
}
