package dev.capi.rest.v3.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.roles.RoleCommands;
import dev.capi.model.RoleType;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates {@code POST /v3/roles} bodies with the reference's rules and texts (RoleCreateMessage and
 * its nested relationships message, errors in the reference's order), and declares the list parameters.
 */
final class RoleMessages {
    /** Invalid list parameters answer 422; the default order is created_at, as if the client had asked for it. */
    static final ListSpec LIST = ListSpec.of("types", "organization_guids", "space_guids", "user_guids")
            .include("user", "organization", "space").defaultOrderBy("created_at").unprocessableOnError();
    static final String[] INCLUDES = {"user", "organization", "space"};

    /** The reference's RoleTypes::ALL_ROLES, in its order, as Ruby prints an array. */
    private static final String ALLOWED_TYPES = "[\"organization_auditor\", \"organization_manager\", "
            + "\"organization_billing_manager\", \"organization_user\", \"space_auditor\", \"space_manager\", "
            + "\"space_developer\", \"space_supporter\"]";

    private RoleMessages() {
    }

    static RoleCommands.Create create(String raw) {
        Body body = Body.parse(raw, "type", "relationships");
        JsonNode typeNode = body.json().get("type");
        String typeName = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        var type = RoleType.fromWire(typeName);
        JsonNode rels = body.json().get("relationships");
        Relationships relationships = null;
        if (rels == null || !rels.isObject()) {
            body.error("Relationships 'relationships' is not an object");
        } else if (rels.isEmpty()) {
            body.error("Relationships 'relationships' must include one or more valid relationships");
        } else {
            relationships = new Relationships(type.orElse(null), (ObjectNode) rels);
            relationships.validate().forEach(e -> body.error("Relationships " + e));
        }
        if (type.isEmpty()) {
            body.error("Type must be one of the allowed types " + ALLOWED_TYPES);
        }
        body.validate();
        return new RoleCommands.Create(type.get(), relationships.text("user", "guid"),
                relationships.text("user", "username"), relationships.text("user", "origin"),
                relationships.text("organization", "guid"), relationships.text("space", "guid"),
                auditRequest(body.json()));
    }

    /** The request as the reference's audit_hash records it: the given keys, as given. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> auditRequest(ObjectNode json) {
        return JsonSupport.MAPPER.convertValue(json, LinkedHashMap.class);
    }

    /** The reference's RoleCreateMessage::Relationships: user, and exactly one of organization and space. */
    private static final class Relationships {
        private static final Set<String> ALLOWED = Set.of("space", "user", "organization");

        private final RoleType type;
        private final ObjectNode json;
        private final List<String> errors = new ArrayList<>();
        private boolean userErrors;
        private boolean targetErrors;

        Relationships(RoleType type, ObjectNode json) {
            this.type = type;
            this.json = json;
        }

        private JsonNode get(String key) {
            JsonNode node = json.get(key);
            return node == null || node.isNull() ? null : node;
        }

        private JsonNode data(String key) {
            JsonNode rel = get(key);
            JsonNode data = rel != null && rel.isObject() ? rel.get("data") : null;
            return data == null || data.isNull() ? null : data;
        }

        private boolean dataHas(String key, String field) {
            JsonNode data = data(key);
            return data != null && data.isObject() && data.has(field);
        }

        /** {@code <relationship>.data.<field>} when it is a string, else null. */
        String text(String key, String field) {
            JsonNode data = data(key);
            JsonNode value = data != null && data.isObject() ? data.get(field) : null;
            return value != null && value.isTextual() ? value.asText() : null;
        }

        List<String> validate() {
            List<String> unknown = new ArrayList<>();
            json.fieldNames().forEachRemaining(k -> {
                if (!ALLOWED.contains(k)) {
                    unknown.add(k);
                }
            });
            if (!unknown.isEmpty()) {
                target("Unknown field(s): '" + String.join("', '", unknown) + "'");
            }
            if (blank(get("user"))) {
                user("User can't be blank");
            }
            userCombinations();
            targetCombinations();
            if (!targetErrors && get("organization") == null) {
                toOne("space", false);
            }
            if (!targetErrors && get("space") == null) {
                toOne("organization", false);
            }
            boolean hasGuid = dataHas("user", "guid");
            if (!userErrors && hasGuid) {
                toOne("user", true);
            }
            if (!userErrors && dataHas("user", "username") && !data("user").get("username").isTextual()) {
                errors.add("Username must be a string");
            }
            if (!userErrors && dataHas("user", "origin") && !data("user").get("origin").isNull()
                    && !data("user").get("origin").isTextual()) {
                errors.add("User origin must be a string");
            }
            return errors;
        }

        private void userCombinations() {
            boolean guid = dataHas("user", "guid");
            boolean username = dataHas("user", "username");
            boolean origin = dataHas("user", "origin");
            if (guid && username) {
                user("Username cannot be specified when identifying user by guid");
            }
            if (guid && origin) {
                user("User origin cannot be specified when identifying user by guid");
            }
            if (!username && origin) {
                user("User origin cannot be specified without specifying the username");
            }
            if (!username && !guid) {
                user("User must have a username or guid specified");
            }
        }

        private void targetCombinations() {
            JsonNode space = data("space");
            JsonNode org = data("organization");
            if (space == null && org == null) {
                target("must specify either a space or an organization.");
            }
            if (space != null && type != null && !type.isSpaceRole()) {
                target("Space cannot be provided with the organization role type: '" + type.wireName() + "'.");
            }
            if (org != null && type != null && type.isSpaceRole()) {
                target("Organization cannot be provided with the space role type: '" + type.wireName() + "'.");
            }
            if (space != null && org != null) {
                target("cannot specify both an organization and a space.");
            }
        }

        /** The reference's to_one_relationship rule: exactly {@code {"data": {"guid": "<1..200 chars>"}}}. */
        private void toOne(String key, boolean user) {
            JsonNode rel = get(key);
            String name = Body.humanize(key);
            if (!user && blank(rel)) {
                errors.add(name + " can't be blank");
            }
            boolean structured = rel != null && rel.isObject() && rel.size() == 1 && rel.has("data")
                    && (rel.get("data").isNull() || rel.get("data").isObject() && rel.get("data").size() == 1
                    && rel.get("data").has("guid"));
            if (!structured) {
                errors.add(name + " must be structured like this: \"" + key
                        + ": {\"data\": {\"guid\": \"valid-guid\"}}\"");
                return;
            }
            if (rel.get("data").isNull()) {
                return;
            }
            JsonNode guid = rel.get("data").get("guid");
            if (!guid.isTextual()) {
                errors.add(name + " guid must be a string");
            }
            if (!guid.isTextual() || guid.asText().isEmpty() || guid.asText().length() > 200) {
                errors.add(name + " guid must be between 1 and 200 characters");
            }
        }

        private void user(String message) {
            errors.add(message);
            userErrors = true;
        }

        private void target(String message) {
            errors.add(message);
            targetErrors = true;
        }

        /** Rails' {@code blank?}: nil, false, empty or whitespace-only. */
        private static boolean blank(JsonNode node) {
            return node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())
                    || (node.isTextual() && node.asText().isBlank()) || (node.isContainerNode() && node.isEmpty());
        }
    }
}
