package dev.capi.rest.v3.featureflags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.featureflags.FeatureFlagCommands;
import dev.capi.rest.v3.support.Body;

import java.util.regex.Pattern;

/** Validates a feature flag update body into a domain command, with the reference's texts. */
final class FeatureFlagMessages {
    static final int MAX_MESSAGE_LENGTH = 250;
    /** The reference model's format rule: printable characters only (a trailing newline passes, as Ruby's \Z lets it). */
    private static final Pattern PRINTABLE =
            Pattern.compile("\\A[\\p{Alnum}\\p{Punct}\\p{Print}]+\\n?\\z", Pattern.UNICODE_CHARACTER_CLASS);

    private FeatureFlagMessages() {
    }

    /** Reads the body strictly (400 for a body that is not a JSON object); validation waits for {@link #update}. */
    static Body parse(String raw) {
        return Body.parse(raw, "enabled", "custom_error_message");
    }

    /** {@code enabled}: a boolean when given; {@code custom_error_message}: null, or a 1..250 character string. */
    static FeatureFlagCommands.Update update(Body body) {
        Boolean enabled = null;
        if (body.has("enabled")) {
            JsonNode node = body.json().get("enabled");
            if (node.isBoolean()) {
                enabled = node.asBoolean();
            } else {
                body.error("Enabled must be a boolean");
            }
        }
        boolean messageGiven = body.has("custom_error_message");
        String message = messageGiven ? customErrorMessage(body) : null;
        body.validate();
        return new FeatureFlagCommands.Update(enabled, messageGiven, message);
    }

    private static String customErrorMessage(Body body) {
        JsonNode node = body.json().get("custom_error_message");
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            body.error("Custom error message must be a string");
        }
        int length = node.isContainerNode() ? node.size() : node.asText().length();
        if (length < 1) {
            body.error("Custom error message is too short (minimum is 1 character)");
        } else if (length > MAX_MESSAGE_LENGTH) {
            body.error("Custom error message is too long (maximum is " + MAX_MESSAGE_LENGTH + " characters)");
        } else if (node.isTextual() && !PRINTABLE.matcher(node.asText()).matches()) {
            body.error("Custom error message is invalid");
        }
        return node.isTextual() ? node.asText() : null;
    }
}
