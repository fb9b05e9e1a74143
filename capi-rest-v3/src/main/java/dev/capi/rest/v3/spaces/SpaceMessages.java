package dev.capi.rest.v3.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.spaces.SpaceCommands;
import dev.capi.rest.v3.support.Body;

/** Parses and validates space bodies into domain commands, with the reference's texts. */
final class SpaceMessages {
    private static final int MAX_NAME = 255;

    private SpaceMessages() {
    }

    /** {@code name} (required), {@code relationships.organization} (required), {@code suspended}, {@code metadata}. */
    static SpaceCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "relationships", "suspended", "metadata");
        String name = name(body, true);
        String org = body.relationshipGuid("organization", true);
        Boolean suspended = body.bool("suspended");
        var metadata = body.metadata();
        body.validate();
        return new SpaceCommands.Create(name, org, suspended, metadata);
    }

    /** {@code name}, {@code suspended}, {@code metadata}; all optional. */
    static SpaceCommands.Update update(String raw) {
        Body body = Body.parse(raw, "name", "suspended", "metadata");
        String name = name(body, false);
        Boolean suspended = body.bool("suspended");
        var metadata = body.metadata();
        body.validate();
        return new SpaceCommands.Update(name, suspended, metadata);
    }

    /** {@code {"enabled": true|false}}. */
    static boolean feature(String raw) {
        Body body = Body.parse(raw, "enabled");
        Boolean enabled = body.bool("enabled");
        if (enabled == null) {
            body.error("Enabled must be a boolean");
        }
        body.validate();
        return enabled;
    }

    /**
     * The space name rules: on create present and not blank; on update at least one character; a string of at most
     * 255 characters without control characters ("must not contain escaped characters"). Null when absent or invalid.
     */
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
        String name = node.asText();
        boolean valid = true;
        if (required && name.isBlank()) {
            body.error("Name can't be blank");
            valid = false;
        }
        if (!required && name.isEmpty()) {
            body.error("Name is too short (minimum is 1 character)");
            valid = false;
        }
        if (name.length() > MAX_NAME) {
            body.error("Name is too long (maximum is " + MAX_NAME + " characters)");
            valid = false;
        }
        if (name.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
            body.error("Name must not contain escaped characters");
            valid = false;
        }
        return valid ? name : null;
    }
}
