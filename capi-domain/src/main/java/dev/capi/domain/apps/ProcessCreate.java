package dev.capi.domain.apps;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Guids;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Adds a process to an app with the reference's defaults: {@code web} shares the app's guid, has 1 instance and a
 * {@code port} health check; other types have 0 instances and a {@code process} check. The process takes the app's
 * state. Records {@code audit.app.process.create}. Call inside the change's transaction.
 */
public final class ProcessCreate {
    private final ProcessRepository processes;
    private final AppEvents events;
    private final AppSettings settings;
    private final Clock clock;
    private final Guids guids;

    public ProcessCreate(ProcessRepository processes, AppEvents events, AppSettings settings, Clock clock,
                         Guids guids) {
        this.processes = processes;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.guids = guids;
    }

    public AppProcess create(Principal principal, App app, String type, String command) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean web = AppProcess.WEB.equals(type);
        var process = new AppProcess(web ? app.guid() : guids.next(), now, now, app.guid(), app.spaceGuid(),
                app.organizationGuid(), type, command, null, web ? 1 : 0, settings.defaultMemoryInMb(),
                settings.defaultDiskInMb(), settings.defaultLogRateLimit(),
                HealthCheck.of(web ? HealthCheck.PORT : HealthCheck.PROCESS), HealthCheck.of(HealthCheck.PROCESS),
                app.started() ? DesiredState.STARTED : DesiredState.STOPPED, guids.next(), null, Metadata.empty());
        processes.insert(process);
        events.process("audit.app.process.create", principal, app, process, Map.of());
        return process;
    }
}
