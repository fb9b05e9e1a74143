package dev.capi.rest.v3.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.AuditEvent;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

import java.util.Map;

/** Audit event JSON, as the reference presents it ({@code updated_at} is the event's time, as is {@code created_at}). */
public final class AuditEventPresenter {
    private AuditEventPresenter() {
    }

    public static ObjectNode present(AuditEvent event, Links links) {
        ObjectNode node = JsonSupport.resource(event.guid(), event.createdAt(), event.createdAt());
        node.put("type", event.type());
        node.set("actor", event.actor() == null || event.actor().guid() == null ? null : JsonSupport.object()
                .put("guid", event.actor().guid()).put("type", event.actor().type()).put("name", event.actor().name()));
        node.set("target", event.target() == null || event.target().guid() == null ? null : JsonSupport.object()
                .put("guid", event.target().guid()).put("type", event.target().type())
                .put("name", event.target().name()));
        node.set("data", JsonSupport.MAPPER.valueToTree(event.data() == null ? Map.of() : event.data()));
        node.set("space", guidOrNull(event.spaceGuid()));
        node.set("organization", guidOrNull(event.organizationGuid()));
        node.putObject("links").set("self", links.href("/v3/audit_events/" + event.guid()));
        return node;
    }

    private static ObjectNode guidOrNull(String guid) {
        return guid == null || guid.isBlank() ? null : JsonSupport.object().put("guid", guid);
    }
}
