package dev.capi.rest.v3.securitygroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.securitygroups.SecurityGroupCommands;
import dev.capi.domain.securitygroups.SecurityGroupRules;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.RubyJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates security group bodies in the reference's order (unknown keys, relationships, rules, name,
 * globally_enabled) and words. Every problem is reported, repeated ones too (a rule may fail the same way twice).
 */
final class SecurityGroupMessages {
    static final int MAX_NAME_LENGTH = 250;

    private SecurityGroupMessages() {
    }

    static SecurityGroupCommands.Create create(String raw, SecurityGroupRules rules) {
        ObjectNode json = JsonSupport.parseObject(raw);
        List<String> problems = new ArrayList<>();
        unknownKeys(json, problems, "name", "globally_enabled", "relationships", "rules");
        List<String> running = new ArrayList<>();
        List<String> staging = new ArrayList<>();
        if (json.has("relationships")) {
            relationships(json.get("relationships"), running, staging, problems);
        }
        if (json.has("rules")) {
            problems.addAll(rules.messageProblems(plain(json.get("rules"))));
        }
        JsonNode name = json.get("name");
        if (RubyJson.blank(name)) {
            problems.add("Name can't be blank");
        }
        if (name == null || !name.isTextual()) {
            problems.add("Name must be a string");
        }
        if (RubyJson.length(name) > MAX_NAME_LENGTH) {
            problems.add("Name is too long (maximum is " + MAX_NAME_LENGTH + " characters)");
        }
        globallyEnabled(json.get("globally_enabled"), problems);
        failOn(problems);
        JsonNode enabled = json.path("globally_enabled");
        return new SecurityGroupCommands.Create(name.asText(), json.has("rules") ? rules(json.get("rules")) : List.of(),
                flag(enabled, "running"), flag(enabled, "staging"), running, staging);
    }

    static SecurityGroupCommands.Update update(String raw, SecurityGroupRules rules) {
        ObjectNode json = JsonSupport.parseObject(raw);
        List<String> problems = new ArrayList<>();
        unknownKeys(json, problems, "name", "globally_enabled", "rules");
        if (json.has("rules")) {
            problems.addAll(rules.messageProblems(plain(json.get("rules"))));
        }
        if (json.has("globally_enabled")) {
            globallyEnabled(json.get("globally_enabled"), problems);
        }
        JsonNode name = json.get("name");
        if (json.has("name")) {
            if (!name.isTextual()) {
                problems.add("Name must be a string");
            }
            if (name.isNull() || RubyJson.length(name) < 1) {
                problems.add("Name is too short (minimum is 1 character)");
            } else if (RubyJson.length(name) > MAX_NAME_LENGTH) {
                problems.add("Name is too long (maximum is " + MAX_NAME_LENGTH + " characters)");
            }
        }
        failOn(problems);
        JsonNode enabled = json.path("globally_enabled");
        return new SecurityGroupCommands.Update(json.has("name"), json.has("name") ? name.asText() : null,
                json.has("rules"), json.has("rules") ? rules(json.get("rules")) : null, flag(enabled, "running"),
                flag(enabled, "staging"));
    }

    /** {@code {"data": [{"guid": ...}]}}: the spaces to bind. */
    static List<String> spaces(String raw) {
        ObjectNode json = JsonSupport.parseObject(raw);
        List<String> problems = new ArrayList<>();
        unknownKeys(json, problems, "data");
        JsonNode data = json.get("data");
        if (RubyJson.blank(data)) {
            problems.add("Data can't be blank");
        }
        if (data == null || !data.isArray()) {
            problems.add("Data must be an array");
        }
        List<String> guids = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                JsonNode guid = data.get(i).path("guid");
                if (!guid.isTextual()) {
                    problems.add("Invalid data type: Data[" + i + "] guid should be a string.");
                } else {
                    guids.add(guid.asText());
                }
            }
        }
        failOn(problems);
        return guids;
    }

    private static void unknownKeys(ObjectNode json, List<String> problems, String... allowed) {
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(k -> {
            if (!List.of(allowed).contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            problems.add("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
    }

    /** The reference's {@code RelationshipValidator} with to-many {@code running_spaces} / {@code staging_spaces}. */
    private static void relationships(JsonNode rel, List<String> running, List<String> staging,
                                      List<String> problems) {
        if (!rel.isObject()) {
            problems.add("Relationships 'relationships' is not an object");
            return;
        }
        if (rel.isEmpty()) {
            problems.add("Relationships 'relationships' must include one or more valid relationships");
            return;
        }
        toMany(rel.get("running_spaces"), "running_spaces", "Running space guids", running, problems);
        toMany(rel.get("staging_spaces"), "staging_spaces", "Staging space guids", staging, problems);
    }

    private static void toMany(JsonNode value, String attribute, String guidsLabel, List<String> guids,
                               List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode data = value.get("data");
        boolean structured = value.isObject() && !RubyJson.falsy(data) && data.isArray();
        if (structured) {
            for (JsonNode element : data) {
                structured &= element.isObject() && element.size() == 1 && element.has("guid");
            }
        }
        String label = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1).replace('_', ' ');
        if (!structured) {
            problems.add("Relationships " + label + " must be structured like this: \"" + attribute
                    + ": {\"data\": [{\"guid\": \"valid-guid\"},{\"guid\": \"valid-guid\"}]}\"");
            return;
        }
        List<JsonNode> flat = new ArrayList<>();
        data.forEach(element -> flatten(element.get("guid"), flat));
        for (JsonNode guid : flat) {
            if (!guid.isTextual()) {
                problems.add("Relationships " + guidsLabel + " must be a string");
            }
            if (!guid.isTextual() || guid.asText().length() < 1 || guid.asText().length() > 200) {
                problems.add("Relationships " + guidsLabel + " must be between 1 and 200 characters");
            }
        }
        data.forEach(element -> guids.add(element.get("guid").asText()));
    }

    private static void flatten(JsonNode value, List<JsonNode> into) {
        if (value.isArray()) {
            value.forEach(v -> flatten(v, into));
        } else {
            into.add(value);
        }
    }

    private static void globallyEnabled(JsonNode value, List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            problems.add("Globally enabled must be an object");
            return;
        }
        List<String> keys = new ArrayList<>();
        value.fieldNames().forEachRemaining(keys::add);
        if (keys.stream().anyMatch(k -> !k.equals("running") && !k.equals("staging"))) {
            problems.add("Globally enabled only allows keys 'running' or 'staging'");
        } else if (keys.stream().anyMatch(k -> !value.get(k).isBoolean())) {
            problems.add("Globally enabled values must be booleans");
        }
    }

    private static Boolean flag(JsonNode enabled, String key) {
        JsonNode v = enabled.path(key);
        return v.isBoolean() ? v.asBoolean() : null;
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", problems));
        }
    }

    /** A JSON value as plain Java (maps, lists, strings, numbers, booleans, null) for the domain's rule checks. */
    private static Object plain(JsonNode node) {
        return JsonSupport.MAPPER.convertValue(node, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(JsonNode node) {
        return (List<Map<String, Object>>) plain(node);
    }
}
