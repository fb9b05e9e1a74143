package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app's desired state machine: STOPPED → STARTED (start, restart; needs a current droplet), STARTED → STOPPED
 * (stop), and the same for every process of the app. Processes that become started get a new version; each change
 * writes its usage events and audit event in one transaction, then the runtime is told.
 */
public final class AppStates {
    static final String NO_DROPLET = "Assign a droplet before starting this app.";

    private final AppRepository apps;
    private final ProcessRepository processes;
    private final AppAccess access;
    private final Transactions tx;
    private final AppEvents events;
    private final AppUsageEvents usage;
    private final FeatureFlags flags;
    private final QuotaScopes quotaScopes;
    private final QuotaGuard quotaGuard;
    private final ProcessSync sync;
    private final Clock clock;
    private final Guids guids;

    public AppStates(AppRepository apps, ProcessRepository processes, AppAccess access, Transactions tx,
                     AppEvents events, AppUsageEvents usage, FeatureFlags flags, QuotaScopes quotaScopes,
                     QuotaGuard quotaGuard, ProcessSync sync, Clock clock, Guids guids,
                     java.util.function.Consumer<App> onStart) {
        this.onStart = onStart;
        this.apps = apps;
        this.processes = processes;
        this.access = access;
        this.tx = tx;
        this.events = events;
        this.usage = usage;
        this.flags = flags;
        this.quotaScopes = quotaScopes;
        this.quotaGuard = quotaGuard;
        this.sync = sync;
        this.clock = clock;
        this.guids = guids;
    }

    private record Changed(App app, List<AppProcess> processes) {
    }

    /** Starts the app and its processes (space developers, supporters, admins); records {@code audit.app.start}. */
    private final java.util.function.Consumer<App> onStart;

    public App start(Permissions perms, String guid) {
        Changed changed = tx.inTransaction(() -> {
            App app = startable(perms, guid);
            Changed c = toStarted(app, false);
            onStart.accept(c.app());
            events.app("audit.app.start", perms.principal(), c.app(), Map.of());
            return c;
        });
        sync.converge(changed.app(), changed.processes());
        return changed.app();
    }

    /** Stops the app and its processes; records {@code audit.app.stop}. */
    public App stop(Permissions perms, String guid) {
        Changed changed = tx.inTransaction(() -> {
            App app = access.visible(perms, guid);
            access.requireManager(perms, app);
            Changed c = toStopped(app);
            events.app("audit.app.stop", perms.principal(), c.app(), Map.of());
            return c;
        });
        sync.converge(changed.app(), changed.processes());
        return changed.app();
    }

    /**
     * Restarts: the app and every process STARTED, every instance replaced (stopped in the runtime, then desired);
     * records {@code audit.app.restart}.
     */
    public App restart(Permissions perms, String guid) {
        Changed changed = tx.inTransaction(() -> {
            App app = startable(perms, guid);
            Changed c = toStarted(app, true);
            onStart.accept(c.app());
            events.app("audit.app.restart", perms.principal(), c.app(), Map.of());
            return c;
        });
        sync.restart(changed.app(), changed.processes());
        return changed.app();
    }

    /** Stops an app without an audit event (deployments, droplet changes of other resources). */
    public App stopQuietly(App app) {
        Changed changed = tx.inTransaction(() -> toStopped(app));
        sync.converge(changed.app(), changed.processes());
        return changed.app();
    }

    /** Starts an app without a user behind it (a stager's stage-and-start); records its revision. */
    public App startQuietly(App app) {
        Changed changed = tx.inTransaction(() -> {
            Changed c = toStarted(app, false);
            onStart.accept(c.app());
            return c;
        });
        sync.converge(changed.app(), changed.processes());
        return changed.app();
    }

    private App startable(Permissions perms, String guid) {
        App app = access.visible(perms, guid);
        if (app.dropletGuid() == null) {
            throw CfException.unprocessable(NO_DROPLET);
        }
        access.requireManager(perms, app);
        if (Lifecycle.DOCKER.equals(app.lifecycle().type())) {
            flags.require("diego_docker");
        } else if (Lifecycle.CNB.equals(app.lifecycle().type())) {
            flags.require("diego_cnb");
        }
        return app;
    }

    private Changed toStarted(App app, boolean restart) {
        Instant now = now();
        App started = app.withState(DesiredState.STARTED, now);
        apps.update(started);
        var space = spaceRef(app);
        List<AppProcess> result = new ArrayList<>();
        for (AppProcess p : processes.forApp(app.guid())) {
            AppProcess next = p.started() && !restart ? p
                    : p.withState(DesiredState.STARTED, p.started() ? p.version() : guids.next(), now);
            if (!p.started()) {
                quotaGuard.checkProcess(quotaScopes.forSpace(app.spaceGuid()), null, demand(next));
            }
            if (next != p) {
                processes.update(next);
                usage.processChanged(started, space, p, next);
            }
            result.add(next);
        }
        return new Changed(started, result);
    }

    private Changed toStopped(App app) {
        Instant now = now();
        App stopped = app.withState(DesiredState.STOPPED, now);
        apps.update(stopped);
        var space = spaceRef(app);
        List<AppProcess> result = new ArrayList<>();
        for (AppProcess p : processes.forApp(app.guid())) {
            AppProcess next = p.started() ? p.withState(DesiredState.STOPPED, p.version(), now) : p;
            if (next != p) {
                processes.update(next);
                usage.processChanged(stopped, space, p, next);
            }
            result.add(next);
        }
        return new Changed(stopped, result);
    }

    static QuotaGuard.ProcessDemand demand(AppProcess p) {
        return new QuotaGuard.ProcessDemand(p.started(), p.memoryInMb(), p.instances(), p.logRateLimit());
    }

    private AppUsageEvents.SpaceRef spaceRef(App app) {
        Space space = access.space(app.spaceGuid());
        return new AppUsageEvents.SpaceRef(space.guid(), space.name(), space.organizationGuid());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
