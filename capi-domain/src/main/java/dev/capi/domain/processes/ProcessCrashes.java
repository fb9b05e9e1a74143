package dev.capi.domain.processes;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;

import java.util.Map;

/** The runtime's report of a crashed instance, recorded as the reference does. */
public final class ProcessCrashes {
    private final ProcessRepository repository;
    private final AppRepository apps;
    private final Transactions tx;
    private final AuditEvents audit;

    public ProcessCrashes(ProcessRepository repository, AppRepository apps, Transactions tx, AuditEvents audit) {
        this.repository = repository;
        this.apps = apps;
        this.tx = tx;
        this.audit = audit;
    }

    /**
     * The runtime reports a crashed instance ({@code POST /internal/v4/apps/:process_guid/crashed}, the guid possibly
     * followed by {@code -<version>}): an {@code audit.app.process.crash} event in the process's name; no state change.
     */
    public void record(String diegoProcessGuid, Map<String, Object> payload) {
        String guid = diegoProcessGuid.length() > 36 ? diegoProcessGuid.substring(0, 36) : diegoProcessGuid;
        tx.run(() -> {
            AppProcess p = repository.find(guid).orElseThrow(() -> CfException.notFound("Process"));
            App app = apps.find(p.appGuid()).orElseThrow(() -> CfException.notFound("App"));
            audit.record("audit.app.process.crash", new dev.capi.model.AuditEvent.Actor(p.guid(), "process",
                    p.type()), new dev.capi.model.AuditEvent.Target(app.guid(), "app", app.name()), app.spaceGuid(),
                    app.organizationGuid(), payload);
        });
    }
}
