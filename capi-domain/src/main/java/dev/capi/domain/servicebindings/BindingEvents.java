package dev.capi.domain.servicebindings;

import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.AuditEvent;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.model.ServiceRouteBinding;
import dev.capi.model.Space;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference's binding audit events: {@code audit.service_binding.*} (app bindings), {@code audit.service_key.*}
 * and {@code audit.service_route_binding.*}, each {@code start_create}, {@code create}, {@code update},
 * {@code start_delete}, {@code delete} (and {@code show} for credential bindings), in the binding's space.
 */
final class BindingEvents {
    static final String PRIVATE_DATA_HIDDEN = "[PRIVATE DATA HIDDEN]";

    private final AuditEvents audit;
    private final SpaceRepository spaces;

    BindingEvents(AuditEvents audit, SpaceRepository spaces) {
        this.audit = audit;
        this.spaces = spaces;
    }

    static String actee(ServiceCredentialBinding b) {
        return b.isKey() ? "service_key" : "service_binding";
    }

    void credential(String action, AuditEvent.Actor actor, ServiceCredentialBinding b, Map<String, Object> request) {
        record("audit." + actee(b) + "." + action, actor, b.guid(), actee(b), b.name() == null ? "" : b.name(),
                b.spaceGuid(), request);
    }

    void route(String action, AuditEvent.Actor actor, ServiceRouteBinding b, Map<String, Object> request) {
        record("audit.service_route_binding." + action, actor, b.guid(), "service_route_binding", "", b.spaceGuid(),
                request);
    }

    /** The request part of start_delete and delete events. */
    static Map<String, Object> deleteRequest(String appGuid, String routeGuid, String instanceGuid) {
        var m = new LinkedHashMap<String, Object>();
        m.put("app_guid", appGuid);
        m.put("route_guid", routeGuid);
        m.put("service_instance_guid", instanceGuid);
        return m;
    }

    private void record(String type, AuditEvent.Actor actor, String guid, String acteeType, String name,
                        String spaceGuid, Map<String, Object> request) {
        String org = spaces.find(spaceGuid).map(Space::organizationGuid).orElse(null);
        audit.record(type, actor, new AuditEvent.Target(guid, acteeType, name), spaceGuid, org,
                Map.of("request", request));
    }
}
