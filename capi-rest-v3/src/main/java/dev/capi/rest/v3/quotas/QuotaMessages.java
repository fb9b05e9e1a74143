package dev.capi.rest.v3.quotas;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.quotas.QuotaCommands;
import dev.capi.domain.quotas.QuotaCommands.LimitChanges;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates quota bodies into domain commands, in the order the reference's messages report problems:
 * unknown keys, name, apps, services, routes, (domains), relationships, then name presence on create.
 */
final class QuotaMessages {
    private static final int MAX_NAME = 250;

    private QuotaMessages() {
    }

    static QuotaCommands.CreateOrganizationQuota createOrganizationQuota(String raw) {
        Body body = Body.parse(raw, "name", "apps", "services", "routes", "domains", "relationships");
        String name = name(body, false);
        LimitChanges limits = LimitMessages.read(body, true);
        List<String> orgGuids = List.of();
        if (body.has("relationships")) {
            ObjectNode rels = relationships(body);
            if (rels != null && rels.has("organizations") && !rels.get("organizations").isNull()) {
                orgGuids = toMany(body, rels.get("organizations"), "organizations");
            }
        }
        requirePresent(body);
        body.validate();
        return new QuotaCommands.CreateOrganizationQuota(name, limits, orgGuids, request(body));
    }

    static QuotaCommands.UpdateOrganizationQuota updateOrganizationQuota(String raw) {
        Body body = Body.parse(raw, "name", "apps", "services", "routes", "domains");
        String name = name(body, false);
        LimitChanges limits = LimitMessages.read(body, true);
        body.validate();
        return new QuotaCommands.UpdateOrganizationQuota(name, limits, request(body));
    }

    static QuotaCommands.CreateSpaceQuota createSpaceQuota(String raw) {
        Body body = Body.parse(raw, "name", "apps", "services", "routes", "relationships");
        String name = name(body, true);
        LimitChanges limits = LimitMessages.read(body, false);
        String orgGuid = null;
        List<String> spaceGuids = List.of();
        ObjectNode rels = relationships(body);
        if (rels != null) {
            orgGuid = toOne(body, rels.get("organization"), "organization");
            if (rels.has("spaces") && !rels.get("spaces").isNull()) {
                spaceGuids = toMany(body, rels.get("spaces"), "spaces");
            }
        }
        requirePresent(body);
        body.validate();
        return new QuotaCommands.CreateSpaceQuota(name, orgGuid, limits, spaceGuids, request(body));
    }

    /**
     * The reference reads space quota updates with the organization quota update message: {@code domains} is
     * accepted (and validated) but changes nothing.
     */
    static QuotaCommands.UpdateSpaceQuota updateSpaceQuota(String raw) {
        Body body = Body.parse(raw, "name", "apps", "services", "routes", "domains");
        String name = name(body, false);
        LimitChanges limits = LimitMessages.read(body, true);
        body.validate();
        LimitChanges withoutDomains = new LimitChanges(limits.numbers().entrySet().stream()
                .filter(e -> e.getKey() != QuotaCommands.Limit.TOTAL_DOMAINS)
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll),
                limits.paidServicesAllowed(), limits.paidServicesRequested());
        return new QuotaCommands.UpdateSpaceQuota(name, withoutDomains, request(body));
    }

    /** {@code {"data": [{"guid": ...}, ...]}} of the apply endpoints, with the reference's texts. */
    static List<String> toManyData(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        List<String> guids = new ArrayList<>();
        if (data == null || data.isNull() || (data.isArray() && data.isEmpty())
                || (data.isTextual() && data.asText().isBlank()) || (data.isObject() && data.isEmpty())) {
            body.error("Data can't be blank");
        }
        if (data == null || !data.isArray()) {
            body.error("Data must be an array");
        } else {
            for (int i = 0; i < data.size(); i++) {
                JsonNode guid = data.get(i).get("guid");
                if (guid == null || !guid.isTextual()) {
                    body.error("Invalid data type: Data[" + i + "] guid should be a string.");
                } else {
                    guids.add(guid.asText());
                }
            }
        }
        body.validate();
        return guids;
    }

    /** The name when given: a string of 1 to 250 characters ({@code present}: also not blank, for space quotas). */
    private static String name(Body body, boolean present) {
        if (!body.has("name")) {
            return null;
        }
        JsonNode node = body.json().get("name");
        String value = node.isTextual() ? node.asText() : null;
        if (value == null) {
            body.error("Name must be a string");
        }
        if (present && isBlank(node)) {
            body.error("Name can't be blank");
        }
        int length = node.isNull() ? 0 : node.isTextual() ? value.length() : node.asText().length();
        if (length < 1) {
            body.error("Name is too short (minimum is 1 character)");
        } else if (length > MAX_NAME) {
            body.error("Name is too long (maximum is " + MAX_NAME + " characters)");
        }
        return value;
    }

    private static void requirePresent(Body body) {
        if (isBlank(body.json().get("name"))) {
            body.error("Name can't be blank");
        }
    }

    /** Rails' {@code blank?}: absent, null, false, whitespace-only text, an empty array or object. */
    private static boolean isBlank(JsonNode node) {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isTextual()) {
            return node.asText().isBlank();
        }
        if (node.isBoolean()) {
            return !node.asBoolean();
        }
        return (node.isArray() || node.isObject()) && node.isEmpty();
    }

    /** {@code relationships}: an object with at least one key (else the reference's texts), or null. */
    private static ObjectNode relationships(Body body) {
        JsonNode rels = body.json().get("relationships");
        if (rels == null || !rels.isObject()) {
            body.error("Relationships 'relationships' is not an object");
            return null;
        }
        if (rels.isEmpty()) {
            body.error("Relationships 'relationships' must include one or more valid relationships");
            return null;
        }
        return (ObjectNode) rels;
    }

    /** {@code {"data": {"guid": "..."}}} (data may be null); the guid or null. */
    private static String toOne(Body body, JsonNode rel, String name) {
        boolean structured = rel != null && rel.isObject() && rel.size() == 1 && rel.has("data")
                && (rel.get("data").isNull() || (rel.get("data").isObject() && rel.get("data").size() == 1
                && rel.get("data").has("guid")));
        if (!structured) {
            body.error("Relationships " + Body.humanize(name) + " must be structured like this: \"" + name
                    + ": {\"data\": {\"guid\": \"valid-guid\"}}\"");
            return null;
        }
        JsonNode data = rel.get("data");
        if (data.isNull()) {
            return null;
        }
        return guid(body, data.get("guid"), Body.humanize(name) + " guid");
    }

    /** {@code {"data": [{"guid": "..."}, ...]}}; the guids. */
    private static List<String> toMany(Body body, JsonNode rel, String name) {
        JsonNode data = rel.isObject() ? rel.get("data") : null;
        boolean structured = data != null && data.isArray();
        if (structured) {
            for (Iterator<JsonNode> it = data.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                structured &= e.isObject() && e.size() == 1 && e.has("guid");
            }
        }
        if (!structured) {
            body.error("Relationships " + Body.humanize(name) + " must be structured like this: \"" + name
                    + ": {\"data\": [{\"guid\": \"valid-guid\"},{\"guid\": \"valid-guid\"}]}\"");
            return List.of();
        }
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        List<String> guids = new ArrayList<>();
        for (JsonNode e : data) {
            String guid = guid(body, e.get("guid"), Body.humanize(singular) + " guids");
            if (guid != null) {
                guids.add(guid);
            }
        }
        return guids;
    }

    private static String guid(Body body, JsonNode node, String label) {
        if (!node.isTextual()) {
            body.error("Relationships " + label + " must be a string");
            body.error("Relationships " + label + " must be between 1 and 200 characters");
            return null;
        }
        String guid = node.asText();
        if (guid.isEmpty() || guid.length() > 200) {
            body.error("Relationships " + label + " must be between 1 and 200 characters");
            return null;
        }
        return guid;
    }

    /** What the audit event records: the request's keys as sent. */
    private static Map<String, Object> request(Body body) {
        return JsonSupport.MAPPER.convertValue(body.json(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
