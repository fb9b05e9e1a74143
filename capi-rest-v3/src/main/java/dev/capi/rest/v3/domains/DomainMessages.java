package dev.capi.rest.v3.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.domains.DomainCommands;
import dev.capi.domain.domains.DomainNames;
import dev.capi.domain.errors.CfException;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses and validates domain requests with the reference's texts. */
final class DomainMessages {
    static final ListSpec LIST = ListSpec.of("names", "organization_guids").labelSelector();
    private static final String TO_ONE = "must be structured like this: \"organization: {\"data\": {\"guid\": "
            + "\"valid-guid\"}}\"";
    private static final String TO_MANY = "must be structured like this: \"shared_organizations: {\"data\": "
            + "[{\"guid\": \"valid-guid\"},{\"guid\": \"valid-guid\"}]}\"";

    private DomainMessages() {
    }

    static DomainCommands.Create create(String raw) {
        Body body = Body.parse(raw, "name", "internal", "relationships", "router_group", "enforce_route_policies",
                "route_policies_scope", "metadata");
        MetadataUpdate metadata = body.metadata();
        String organization = null;
        List<String> shared = List.of();
        if (body.has("relationships")) {
            JsonNode rel = body.json().get("relationships");
            if (!rel.isObject()) {
                body.error("Relationships must be an object");
            } else {
                List<String> unknown = new ArrayList<>();
                rel.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("organization") && !k.equals("shared_organizations")) {
                        unknown.add(k);
                    }
                });
                if (!unknown.isEmpty()) {
                    body.error("Relationships Unknown field(s): '" + String.join("', '", unknown) + "'");
                }
                if (rel.has("organization") && !rel.get("organization").isNull()) {
                    JsonNode data = rel.get("organization").get("data");
                    if (rel.get("organization").size() != 1 || data == null || !data.isObject()
                            || !data.path("guid").isTextual()) {
                        body.error("Relationships Organization " + TO_ONE);
                    } else {
                        organization = data.get("guid").asText();
                    }
                }
                if (rel.has("shared_organizations") && !rel.get("shared_organizations").isNull()) {
                    shared = guidArray(rel.get("shared_organizations").get("data"));
                    if (shared == null || rel.get("shared_organizations").size() != 1) {
                        body.error("Relationships Shared organizations " + TO_MANY);
                        shared = List.of();
                    }
                    if (!rel.has("organization")) {
                        body.error("Relationships cannot contain shared_organizations without an owning organization.");
                    }
                }
            }
        }
        JsonNode nameNode = body.json().get("name");
        String name = null;
        if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isBlank())) {
            body.error("Name can't be blank");
        }
        if (nameNode != null && !nameNode.isNull() && !nameNode.isTextual()) {
            body.error("Name must be a string");
        } else if (nameNode != null && nameNode.isTextual()) {
            name = nameNode.asText().strip();
            DomainNames.errors(name).forEach(body::error);
        }
        String routerGroup = null;
        if (body.has("router_group") && !body.isNull("router_group")) {
            JsonNode rg = body.json().get("router_group");
            if (!rg.isObject()) {
                body.error("Router group must be an object");
            } else {
                List<String> extra = new ArrayList<>();
                rg.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("guid")) {
                        extra.add(k);
                    }
                });
                if (!extra.isEmpty()) {
                    body.error("Router group Unknown field(s): '" + String.join("', '", extra) + "'");
                }
                if (!rg.path("guid").isTextual()) {
                    body.error("Router group guid must be a string");
                } else {
                    routerGroup = rg.get("guid").asText();
                }
            }
        }
        Boolean internal = boolOrError(body, "internal");
        Boolean enforce = boolOrError(body, "enforce_route_policies");
        if (Boolean.TRUE.equals(internal)) {
            if (body.has("relationships")) {
                body.error("Cannot associate an internal domain with an organization");
            }
            if (body.has("router_group")) {
                body.error("Internal domains cannot be associated to a router group.");
            }
            if (Boolean.TRUE.equals(enforce)) {
                body.error("Internal domains cannot have route policy enforcement. Internal routes bypass GoRouter.");
            }
        }
        if (body.has("router_group") && Boolean.TRUE.equals(enforce)) {
            body.error("Domains with a router group cannot have route policy enforcement. TCP routes do not support "
                    + "mTLS policy enforcement.");
        }
        if (body.has("relationships") && body.has("router_group")) {
            body.error("Domains scoped to an organization cannot be associated to a router group.");
        }
        String scope = null;
        if (body.has("route_policies_scope") && !body.isNull("route_policies_scope")) {
            JsonNode s = body.json().get("route_policies_scope");
            if (!s.isTextual() || !List.of("any", "org", "space").contains(s.asText())) {
                body.error("Route policies scope must be one of 'any', 'org', 'space'");
            } else {
                scope = s.asText();
            }
        }
        if (Boolean.TRUE.equals(enforce) && (scope == null || scope.isBlank())) {
            body.error("Route policies scope is required when enforce_route_policies is true");
        }
        body.validate();
        if (body.has("relationships") && organization == null) {
            throw CfException.unprocessable("Relationships Organization " + TO_ONE);
        }
        return new DomainCommands.Create(name, Boolean.TRUE.equals(internal), routerGroup, organization, shared,
                Boolean.TRUE.equals(enforce), scope, metadata);
    }

    private static Boolean boolOrError(Body body, String key) {
        return body.bool(key);
    }

    /** {@code [{"guid": "..."}, ...]}, or null when the shape is wrong. */
    private static List<String> guidArray(JsonNode data) {
        if (data == null || !data.isArray()) {
            return null;
        }
        List<String> guids = new ArrayList<>();
        for (JsonNode item : data) {
            if (!item.isObject() || item.size() != 1 || !item.path("guid").isTextual()) {
                return null;
            }
            guids.add(item.get("guid").asText());
        }
        return guids;
    }

    static MetadataUpdate update(String raw) {
        Body body = Body.parse(raw, "metadata");
        MetadataUpdate metadata = body.metadata();
        body.validate();
        return metadata;
    }

    /** {@code {"data": [{"guid": ...}]}} of the share request. */
    static List<String> share(String raw) {
        Body body = Body.parse(raw, "data");
        JsonNode data = body.json().get("data");
        List<String> guids = null;
        if (data != null && data.isArray()) {
            guids = new ArrayList<>();
            for (JsonNode item : data) {
                if (!item.isObject() || !item.path("guid").isTextual() || item.get("guid").asText().isEmpty()
                        || item.get("guid").asText().length() > 200) {
                    guids = null;
                    break;
                }
                guids.add(item.get("guid").asText());
            }
        }
        if (guids == null) {
            body.error("Data must have the structure \"data\": [{\"guid\": shared_org_guid_1}, "
                    + "{\"guid\": shared_org_guid_2}]");
        }
        body.validate();
        return guids;
    }

    /** host, path and port of a route reservation check; anything else (or a bad port) is 422. */
    static DomainCommands.Reservation reservation(Map<String, String> raw) {
        List<String> errors = new ArrayList<>();
        List<String> unknown = raw.keySet().stream().filter(k -> !List.of("host", "path", "port").contains(k))
                .toList();
        if (!unknown.isEmpty()) {
            errors.add("Unknown query parameter(s): '" + String.join("', '", unknown)
                    + "'. Valid parameters are: 'host', 'path', 'port'");
        }
        Integer port = null;
        if (raw.containsKey("port")) {
            try {
                port = Integer.parseInt(raw.get("port"));
            } catch (NumberFormatException e) {
                errors.add("Port must be an integer");
            }
        }
        if (!errors.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", errors));
        }
        return new DomainCommands.Reservation(raw.get("host"), raw.get("path"), port);
    }

    static Map<String, String> query(jakarta.ws.rs.core.UriInfo uri) {
        return ListParams.firstValues(uri.getQueryParameters());
    }

}
