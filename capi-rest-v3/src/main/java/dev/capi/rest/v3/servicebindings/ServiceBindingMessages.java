package dev.capi.rest.v3.servicebindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.servicebindings.BindingCommands;
import dev.capi.domain.servicebindings.CredentialBindingFilter;
import dev.capi.domain.servicebindings.RouteBindingFilter;
import dev.capi.model.MetadataUpdate;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates binding requests: list parameters, create bodies and metadata updates. */
final class ServiceBindingMessages {
    static final ListSpec CREDENTIAL_LIST = ListSpec.of(CredentialBindingFilter.LIST).orderBy("name")
            .labelSelector().include(BindingIncludes.CREDENTIAL);
    static final ListSpec ROUTE_LIST = ListSpec.of(RouteBindingFilter.LIST).labelSelector()
            .include(BindingIncludes.ROUTE);
    private static final String HIDDEN = "[PRIVATE DATA HIDDEN]";

    private ServiceBindingMessages() {
    }

    static ListParams credentialList(jakarta.ws.rs.core.UriInfo uri) {
        String type = ListParams.firstValues(uri.getQueryParameters()).get("type");
        if (type != null && !type.equals("app") && !type.equals("key")) {
            throw CfException.badQuery("Type must be one of 'app', 'key'");
        }
        return ListParams.parse(uri, CREDENTIAL_LIST);
    }

    static BindingCommands.CreateCredential createCredential(String raw) {
        Body body = Body.parse(raw, "type", "strategy", "name", "relationships", "parameters", "metadata");
        JsonNode typeNode = body.json().get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        if (!"app".equals(type) && !"key".equals(type)) {
            body.error("Type must be 'app' or 'key'");
        }
        String name = "key".equals(type) ? body.string("name", true, 255)
                : body.has("name") ? body.string("name", false, Integer.MAX_VALUE) : null;
        String instance = body.relationshipGuid("service_instance", true);
        String app = null;
        ObjectNode relationships = body.json().get("relationships") instanceof ObjectNode o ? o : null;
        if ("app".equals(type)) {
            app = body.relationshipGuid("app", true);
        }
        unknownRelationships(body, relationships, "app".equals(type) ? List.of("service_instance", "app")
                : List.of("service_instance"));
        String strategy = null;
        if ("app".equals(type) && body.has("strategy")) {
            JsonNode s = body.json().get("strategy");
            strategy = s.isTextual() ? s.asText() : null;
            if (!s.isNull() && !"single".equals(strategy) && !"multiple".equals(strategy)) {
                body.error("Strategy must be 'single' or 'multiple'");
            }
        }
        Map<String, Object> parameters = parameters(body);
        MetadataUpdate metadata = body.metadata();
        body.validate();
        return new BindingCommands.CreateCredential(type, name, instance, app, parameters, strategy, metadata,
                audit(body.json()));
    }

    static BindingCommands.CreateRoute createRoute(String raw) {
        Body body = Body.parse(raw, "relationships", "parameters", "metadata");
        String instance = body.relationshipGuid("service_instance", true);
        String route = body.relationshipGuid("route", true);
        ObjectNode relationships = body.json().get("relationships") instanceof ObjectNode o ? o : null;
        unknownRelationships(body, relationships, List.of("service_instance", "route"));
        Map<String, Object> parameters = parameters(body);
        MetadataUpdate metadata = body.metadata();
        body.validate();
        return new BindingCommands.CreateRoute(instance, route, parameters, metadata, audit(body.json()));
    }

    /** A metadata-only update body ({@code metadata} is the one key allowed). */
    static MetadataUpdate update(String raw) {
        Body body = Body.parse(raw, "metadata");
        MetadataUpdate metadata = body.metadata();
        body.validate();
        return metadata;
    }

    static Map<String, Object> updateAudit(String raw) {
        return audit(JsonSupport.parseObject(raw));
    }

    private static void unknownRelationships(Body body, ObjectNode relationships, List<String> allowed) {
        if (relationships == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        relationships.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            body.error("Relationships Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(Body body) {
        if (!body.has("parameters") || body.isNull("parameters")) {
            return null;
        }
        JsonNode node = body.json().get("parameters");
        if (!node.isObject()) {
            body.error("Parameters must be an object");
            return null;
        }
        return JsonSupport.MAPPER.convertValue(node, Map.class);
    }

    /** The request as audit events record it: the body with parameters hidden. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> audit(ObjectNode json) {
        Map<String, Object> m = new LinkedHashMap<>(JsonSupport.MAPPER.convertValue(json, Map.class));
        if (m.containsKey("parameters")) {
            m.put("parameters", HIDDEN);
        }
        return m;
    }
}
