package dev.capi.rest.v3.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.users.UserCommands;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import jakarta.ws.rs.core.UriInfo;

import java.util.function.Function;

/** Parses and validates user create/update bodies and user list queries, with the reference's texts. */
final class UserMessages {
    /** {@code GET /v3/users}: invalid parameters answer 422, as the reference's users controller does. */
    static final ListSpec LIST = spec().unprocessableOnError();
    /** The organization and space member lists answer invalid parameters with 400. */
    static final ListSpec MEMBERS = spec();

    private UserMessages() {
    }

    private static ListSpec spec() {
        return ListSpec.of("usernames", "partial_usernames", "origins").labelSelector();
    }

    /** The list parameters, plus the reference's rules on combining the username filters. */
    static ListParams list(UriInfo uri, ListSpec spec, Function<String, CfException> failure) {
        ListParams params = ListParams.parse(uri, spec);
        var filters = params.query().filters();
        if (filters.containsKey("origins") && !filters.containsKey("usernames")
                && !filters.containsKey("partial_usernames")) {
            throw failure.apply("Origins filter cannot be provided without usernames or partial_usernames filter.");
        }
        if (filters.containsKey("usernames") && filters.containsKey("partial_usernames")) {
            throw failure.apply("Usernames filter cannot be provided with both usernames and partial_usernames "
                    + "filter.");
        }
        return params;
    }

    static UserCommands.Create create(String raw) {
        Body body = Body.parse(raw, "guid", "username", "origin", "metadata");
        var metadata = body.metadata();
        String guid = null;
        if (body.has("guid") && !body.isNull("guid")) {
            JsonNode node = body.json().get("guid");
            if (!node.isTextual()) {
                body.error("Guid must be a string");
                body.error("Guid must be between 1 and 200 characters");
            } else if (node.asText().isEmpty() || node.asText().length() > 200) {
                body.error("Guid must be between 1 and 200 characters");
            }
            guid = node.isTextual() ? node.asText() : "";
        }
        String origin = optionalString(body, "origin");
        String username = optionalString(body, "username");
        boolean guidGiven = body.has("guid") && !body.isNull("guid");
        if (guidGiven) {
            if (username != null) {
                body.error("Username cannot be provided with 'guid'");
            }
            if (origin != null) {
                body.error("Origin cannot be provided with 'guid'");
            }
        } else if (username != null || origin != null) {
            if (username == null) {
                body.error("Origin can only be provided together with 'username'");
            }
            if (origin == null) {
                body.error("Username can only be provided together with 'origin'");
            }
            if ("uaa".equals(origin)) {
                body.error("Origin cannot be 'uaa' when creating a user by username");
            }
        } else {
            body.error("Guid or 'username' and 'origin' must be provided");
        }
        body.validate();
        return new UserCommands.Create(guid, username, origin, metadata);
    }

    /** A string field that may be absent or null; a non-string is reported and still counts as given. */
    private static String optionalString(Body body, String key) {
        if (!body.has(key) || body.isNull(key)) {
            return null;
        }
        JsonNode node = body.json().get(key);
        if (!node.isTextual()) {
            body.error(Body.humanize(key) + " must be a string");
            return node.toString();
        }
        return node.asText();
    }

    static UserCommands.Update update(String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return new UserCommands.Update(metadata);
    }
}
