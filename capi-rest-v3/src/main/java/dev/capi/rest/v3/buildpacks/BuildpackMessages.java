package dev.capi.rest.v3.buildpacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.buildpacks.BuildpackCommands;
import dev.capi.rest.v3.support.Body;

import java.util.regex.Pattern;

/** Parses and validates buildpack bodies with the reference's messages. */
final class BuildpackMessages {
    private static final Pattern NAME = Pattern.compile("[-\\w]+");
    private static final int MAX_LENGTH = 250;

    private BuildpackMessages() {
    }

    static BuildpackCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "stack", "position", "enabled", "locked", "lifecycle", "metadata");
        String name = name(body, true);
        String stack = body.string("stack", false, MAX_LENGTH);
        Integer position = position(body);
        Boolean enabled = body.bool("enabled");
        Boolean locked = body.bool("locked");
        String lifecycle = lifecycle(body);
        var metadata = body.metadata();
        body.validate();
        return new BuildpackCommands.Create(name, stack, position, enabled, locked, lifecycle, metadata);
    }

    static BuildpackCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "stack", "position", "enabled", "locked", "metadata");
        String name = name(body, false);
        String stack = body.string("stack", false, MAX_LENGTH);
        Integer position = position(body);
        Boolean enabled = requestedBoolean(body, "enabled");
        Boolean locked = requestedBoolean(body, "locked");
        var metadata = body.metadata();
        body.validate();
        return new BuildpackCommands.Update(name, stack, body.has("stack"), position, enabled, locked, metadata);
    }

    private static String name(Body body, boolean required) {
        String name = body.string("name", required, MAX_LENGTH);
        if (name != null && !NAME.matcher(name).matches()) {
            body.error("Name is invalid");
        }
        return name;
    }

    /** {@code position}: an integer of at least 1 when given (explicit null is refused on update as "not a number"). */
    private static Integer position(Body body) {
        if (!body.has("position")) {
            return null;
        }
        JsonNode node = body.json().get("position");
        if (node.isNull() || !node.isNumber()) {
            body.error("Position is not a number");
            return null;
        }
        if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.asDouble() == Math.rint(node.asDouble()))) {
            body.error("Position must be an integer");
            return null;
        }
        int value = node.asInt();
        if (value < 1) {
            body.error("Position must be greater than or equal to 1");
            return null;
        }
        return value;
    }

    /** On update a given {@code enabled}/{@code locked} must be a boolean (null included). */
    private static Boolean requestedBoolean(Body body, String key) {
        if (body.has(key) && body.json().get(key).isNull()) {
            body.error(Body.humanize(key) + " must be a boolean");
            return null;
        }
        return body.bool(key);
    }

    private static String lifecycle(Body body) {
        String lifecycle = body.string("lifecycle", false, 16);
        if (lifecycle != null && !lifecycle.equals("buildpack") && !lifecycle.equals("cnb")) {
            body.error("Lifecycle must be either \"buildpack\" or \"cnb\"");
            return null;
        }
        return lifecycle;
    }
}
