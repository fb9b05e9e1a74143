package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.apps.AppCommands;
import dev.capi.model.Lifecycle;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses and validates app bodies into domain commands, with the reference's texts. */
public final class AppMessages {
    private static final int MAX_NAME = 255;
    private static final List<String> LIFECYCLE_TYPES = List.of(Lifecycle.BUILDPACK, Lifecycle.DOCKER, Lifecycle.CNB);
    private static final Pattern VCAP = Pattern.compile("\\AVCAP_", Pattern.CASE_INSENSITIVE);
    private static final Pattern VMC = Pattern.compile("\\AVMC", Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT = Pattern.compile("\\APORT\\z", Pattern.CASE_INSENSITIVE);

    private AppMessages() {
    }

    /** {@code name}, {@code relationships.space} (required), {@code environment_variables}, {@code lifecycle}, {@code metadata}. */
    static AppCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "environment_variables", "relationships", "lifecycle", "metadata");
        String name = name(body, true);
        String space = body.relationshipGuid("space", true);
        Map<String, Object> env = null;
        JsonNode envNode = body.json().get("environment_variables");
        if (envNode != null && !envNode.isNull()) {
            if (!envNode.isObject()) {
                body.error("Environment variables must be an object");
            } else {
                envKeys(body, (ObjectNode) envNode, "Environment variables");
                env = toMap((ObjectNode) envNode);
            }
        }
        var lifecycle = lifecycle(body);
        var metadata = body.metadata();
        body.validate();
        return new AppCommands.Create(name, space, env, lifecycle, metadata);
    }

    /** {@code name}, {@code lifecycle}, {@code metadata}; all optional. */
    static AppCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "lifecycle", "metadata");
        String name = name(body, false);
        var lifecycle = lifecycle(body);
        var metadata = body.metadata();
        body.validate();
        return new AppCommands.Update(name, lifecycle, metadata);
    }

    /** {@code {"var": {...}}}: string (or null) values; keys not VCAP_*, VMC*, PORT. */
    public static Map<String, Object> environmentVariables(String raw) {
        Body body = Body.parse(raw, "var");
        JsonNode var = body.json().get("var");
        Map<String, Object> result = new LinkedHashMap<>();
        if (var == null || !var.isObject()) {
            body.error("Var must be an object");
        } else {
            envKeys(body, (ObjectNode) var, "Var");
            var.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    result.put(e.getKey(), null);
                } else if (v.isTextual()) {
                    result.put(e.getKey(), v.asText());
                } else {
                    body.error("Non-string value in environment variable for key '" + e.getKey() + "', value '"
                            + JsonSupport.write(v) + "'");
                }
            });
        }
        body.validate();
        return result;
    }

    /** {@code {"enabled": true|false}}. */
    static boolean feature(String raw) {
        Body body = Body.parse(raw, "enabled");
        Boolean enabled = body.bool("enabled");
        if (enabled == null && !body.has("enabled") || body.isNull("enabled")) {
            body.error("Enabled must be a boolean");
        }
        body.validate();
        return Boolean.TRUE.equals(enabled);
    }

    /** {@code {"data": {"guid": ...}}}: the guid, or null when {@code data} is null or absent. */
    static String dropletGuid(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        String guid = null;
        if (data != null && !data.isNull()) {
            if (!data.isObject() || !data.path("guid").isTextual()) {
                body.error("Data must be structured like this: \"data: {\"guid\": \"valid-guid\"}\"");
            } else {
                guid = data.get("guid").asText();
            }
        }
        body.validate();
        return guid;
    }

    static boolean dataGiven(String raw) {
        return JsonSupport.parseObject(raw).has("data");
    }

    private static void envKeys(Body body, ObjectNode env, String what) {
        env.fieldNames().forEachRemaining(k -> {
            if (k.isEmpty()) {
                body.error(what + " key must be a minimum length of 1");
            } else if (VCAP.matcher(k).find()) {
                body.error(what + " cannot start with VCAP_");
            } else if (VMC.matcher(k).find()) {
                body.error(what + " cannot start with VMC_");
            } else if (PORT.matcher(k).find()) {
                body.error(what + " cannot set PORT");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(ObjectNode node) {
        return JsonSupport.MAPPER.convertValue(node, LinkedHashMap.class);
    }

    private static AppCommands.LifecycleRequest lifecycle(Body body) {
        JsonNode node = body.json().get("lifecycle");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            body.error("Lifecycle must be an object");
            return null;
        }
        String type = null;
        JsonNode typeNode = node.get("type");
        if (typeNode != null && !typeNode.isNull()) {
            if (!typeNode.isTextual()) {
                body.error("Lifecycle type must be a string");
                return null;
            }
            type = typeNode.asText();
            if (!LIFECYCLE_TYPES.contains(type)) {
                body.error("Lifecycle type is not included in the list: buildpack, docker, cnb");
                return null;
            }
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            body.error("Lifecycle data must be an object");
            return null;
        }
        if (Lifecycle.DOCKER.equals(type)) {
            if (data.size() > 0) {
                body.error("Lifecycle data must be an empty object");
            }
            return new AppCommands.LifecycleRequest(type, null, null);
        }
        List<String> unknown = new ArrayList<>();
        data.fieldNames().forEachRemaining(k -> {
            if (!List.of("buildpacks", "stack", "credentials").contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            body.error("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        List<String> buildpacks = null;
        JsonNode bps = data.get("buildpacks");
        if (bps != null && !bps.isNull()) {
            if (!bps.isArray()) {
                body.error("Buildpacks must be an array");
            } else {
                buildpacks = new ArrayList<>();
                boolean nonString = false;
                boolean badLength = false;
                for (JsonNode bp : bps) {
                    if (!bp.isTextual()) {
                        nonString = true;
                    } else if (bp.asText().isBlank() || bp.asText().length() > 4096) {
                        badLength = true;
                    } else {
                        buildpacks.add(bp.asText());
                    }
                }
                if (nonString) {
                    body.error("Buildpacks can only contain strings");
                }
                if (badLength) {
                    body.error("Buildpacks entries must be between 1 and 4096 characters");
                }
            }
        }
        String stack = null;
        JsonNode stackNode = data.get("stack");
        if (stackNode != null && !stackNode.isNull()) {
            if (!stackNode.isTextual()) {
                body.error("Stack must be a string");
            } else if (stackNode.asText().isEmpty() || stackNode.asText().length() > 4096) {
                body.error("Stack must be between 1 and 4096 characters");
            } else {
                stack = stackNode.asText();
            }
        }
        return new AppCommands.LifecycleRequest(type, buildpacks, stack);
    }

    private static String name(Body body, boolean required) {
        JsonNode node = body.json().get("name");
        if (node == null || node.isNull()) {
            if (required) {
                body.error("Name must be a string");
            }
            return null;
        }
        if (!node.isTextual()) {
            body.error("Name must be a string");
            return null;
        }
        String name = node.asText();
        if (name.length() > MAX_NAME) {
            body.error("Name is too long (maximum is " + MAX_NAME + " characters)");
            return null;
        }
        if (name.isEmpty()) {
            body.error("Name can't be blank");
            return null;
        }
        return name;
    }
}
