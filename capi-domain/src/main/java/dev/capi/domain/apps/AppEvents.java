package dev.capi.domain.apps;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.events.AuditEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AuditEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/** Records the audit events of apps and their processes: the target is always the app, in its space and org. */
public final class AppEvents {
    public static final String PRIVATE_DATA_HIDDEN = "[PRIVATE DATA HIDDEN]";

    private final AuditEvents audit;

    public AppEvents(AuditEvents audit) {
        this.audit = audit;
    }

    public void app(String type, Principal principal, App app, Map<String, Object> data) {
        audit.record(type, principal, target(app), app.spaceGuid(), app.organizationGuid(), data);
    }

    /** {@code audit.app.process.*}: data starts with the process guid and type. */
    public void process(String type, Principal principal, App app, AppProcess process, Map<String, Object> more) {
        var data = new LinkedHashMap<String, Object>();
        data.put("process_guid", process.guid());
        data.put("process_type", process.type());
        data.putAll(more);
        app(type, principal, app, data);
    }

    public static AuditEvent.Target target(App app) {
        return new AuditEvent.Target(app.guid(), "app", app.name());
    }
}
