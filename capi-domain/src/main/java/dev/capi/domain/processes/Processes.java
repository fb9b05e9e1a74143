package dev.capi.domain.processes;

import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The process use cases: list (all, or an app's), get (by guid, or by app and type), update, scale, terminate an
 * instance, stats and instances. Writes follow the reference's order: find (404), role (403), writable space (403),
 * feature flag, body (422), then the change in one transaction and the runtime told afterwards.
 */
public final class Processes {
    private final ProcessRepository repository;
    private final AppRepository apps;
    private final AppAccess access;
    private final Transactions tx;
    private final AppEvents events;
    private final AppUsageEvents usage;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final QuotaScopes quotaScopes;
    private final QuotaGuard quotaGuard;
    private final ProcessSync sync;
    private final Clock clock;
    private final Predicate<String> deploying;
    private final ProcessInstances instances;

    public Processes(ProcessRepository repository, AppRepository apps, AppAccess access, Transactions tx,
                     AppEvents events, AppUsageEvents usage, FeatureFlags flags, MetadataChanges metadata,
                     QuotaScopes quotaScopes, QuotaGuard quotaGuard, ProcessSync sync, Clock clock,
                     Predicate<String> deploying) {
        this.deploying = deploying;
        this.instances = new ProcessInstances(sync.runtime());
        this.repository = repository;
        this.apps = apps;
        this.access = access;
        this.tx = tx;
        this.events = events;
        this.usage = usage;
        this.flags = flags;
        this.metadata = metadata;
        this.quotaScopes = quotaScopes;
        this.quotaGuard = quotaGuard;
        this.sync = sync;
        this.clock = clock;
    }

    /** How a request names a process: by its guid, or by its app and type ({@code /v3/apps/:guid/processes/:type}). */
    public record Target(String guid, String appGuid, String type) {
        public static Target byGuid(String guid) {
            return new Target(guid, null, null);
        }

        public static Target byType(String appGuid, String type) {
            return new Target(null, appGuid, type);
        }
    }

    /** A process and its app, both visible to the principal. */
    public record Found(AppProcess process, App app) {
    }

    public Page<AppProcess> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    /** The processes of one visible app (404 "App not found"). */
    public Page<AppProcess> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            access.visible(perms, appGuid);
            return repository.list(query.withFilter(ProcessFilter.APP_GUIDS.key(), List.of(appGuid)));
        });
    }

    public Found get(Permissions perms, Target target) {
        return tx.inTransaction(() -> find(perms, target));
    }

    /** Whether the principal sees the process's command (space developers, admins, read-only admins). */
    public boolean canSeeCommand(Permissions perms, AppProcess process) {
        return perms.canReadSecretsInSpace(process.spaceGuid());
    }

    /** Updates command, user, checks and metadata; records {@code audit.app.process.update}. */
    public AppProcess update(Permissions perms, Target target, Supplier<ProcessCommands.Update> command) {
        return tx.inTransaction(() -> {
            Found found = find(perms, target);
            access.requireManager(perms, found.app());
            ProcessCommands.Update cmd = command.get();
            AppProcess p = found.process();
            if (p.isWeb() && deploying.test(p.appGuid())) {
                throw CfException.unprocessable("Cannot update this process while a deployment is in flight.");
            }
            HealthCheck health = apply(p.healthCheck(), cmd.healthCheck());
            HealthCheck readiness = apply(p.readinessCheck(), cmd.readinessCheck());
            String commandValue = cmd.command() == null ? p.command() : emptyToNull(cmd.command().value());
            String user = cmd.user() == null ? p.user() : cmd.user().value();
            AppProcess updated = p.withSettings(commandValue, user, health, readiness, p.version(), now());
            repository.update(updated);
            var result = updated.withMetadata(metadata.apply(p.metadataKey(), "process", p.metadata(), cmd.metadata()));
            events.process("audit.app.process.update", perms.principal(), found.app(), result,
                    Map.of("request", ProcessAuditRequests.update(cmd)));
            return result;
        });
    }

    /**
     * Scales instances, memory, disk and log rate (flag {@code app_scaling}, admins bypass); the version is kept;
     * quotas checked for a started process; records {@code audit.app.process.scale}.
     */
    public AppProcess scale(Permissions perms, Target target, Supplier<ProcessCommands.Scale> command) {
        Found done = tx.inTransaction(() -> {
            Found found = find(perms, target);
            access.requireManager(perms, found.app());
            flags.requireUnlessAdmin("app_scaling", perms.principal());
            ProcessCommands.Scale cmd = command.get();
            AppProcess p = found.process();
            if (p.isWeb() && deploying.test(p.appGuid())) {
                throw CfException.unprocessable("Cannot scale this process while a deployment is in flight.");
            }
            AppProcess scaled = p.withScale(cmd.instances() != null ? cmd.instances() : p.instances(),
                    cmd.memoryInMb() != null ? cmd.memoryInMb() : p.memoryInMb(),
                    cmd.diskInMb() != null ? cmd.diskInMb() : p.diskInMb(),
                    cmd.logRateLimit() != null ? cmd.logRateLimit() : p.logRateLimit(), p.version(), now());
            quotaGuard.checkProcess(quotaScopes.forSpace(p.spaceGuid()), demand(p), demand(scaled));
            repository.update(scaled);
            Space space = access.space(p.spaceGuid());
            usage.processChanged(found.app(), new AppUsageEvents.SpaceRef(space.guid(), space.name(),
                    space.organizationGuid()), p, scaled);
            events.process("audit.app.process.scale", perms.principal(), found.app(), scaled,
                    Map.of("request", ProcessAuditRequests.scale(cmd)));
            return new Found(scaled, found.app());
        });
        sync.converge(done.app(), List.of(done.process()));
        return done.process();
    }

    /** Stops one instance so the runtime replaces it; 404 "Instance not found" outside 0..instances-1. */
    public void terminate(Permissions perms, Target target, int index) {
        Found found = tx.inTransaction(() -> {
            Found f = find(perms, target);
            access.requireManager(perms, f.app());
            if (index < 0 || index >= f.process().instances()) {
                throw CfException.notFound("Instance");
            }
            events.process("audit.app.process.terminate_instance", perms.principal(), f.app(), f.process(),
                    Map.of("process_index", index));
            return f;
        });
        try {
            sync.runtime().stopInstance(found.process().guid(), index);
        } catch (RuntimeUnavailableException e) {
            throw CfException.of(CfError.RunnerUnavailable, "Unable to communicate with Diego");
        }
    }

    /** One entry per desired instance (DOWN when the runtime does not report it); STOPPING for a stopped process. */
    public ProcessStats stats(Permissions perms, Target target) {
        AppProcess p = get(perms, target).process();
        return new ProcessStats(p, instances.of(List.of(p)).get(p.guid()));
    }

    /** The lightweight instances ({@code index}, {@code state}, {@code since}) of one process. */
    public ProcessStats instances(Permissions perms, Target target) {
        return stats(perms, target);
    }

    /** The instances of a page of processes ({@code embed=process_instances}): one question to the runtime. */
    public Map<String, List<InstanceReport>> instancesOf(List<AppProcess> processes) {
        return instances.of(processes);
    }

    private Found find(Permissions perms, Target target) {
        if (target.guid() != null) {
            AppProcess p = repository.find(target.guid())
                    .filter(x -> perms.canReadSpace(x.spaceGuid(), x.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Process"));
            App app = apps.find(p.appGuid()).orElseThrow(() -> CfException.notFound("Process"));
            return new Found(p, app);
        }
        App app = access.visible(perms, target.appGuid());
        AppProcess p = repository.findByType(app.guid(), target.type())
                .orElseThrow(() -> CfException.notFound("Process"));
        return new Found(p, app);
    }

    private static HealthCheck apply(HealthCheck current, ProcessCommands.CheckUpdate u) {
        if (u == null) {
            return current;
        }
        String type = u.type() == null ? current.type() : u.type().value();
        String endpoint = current.endpoint();
        if (u.type() != null && !HealthCheck.HTTP.equals(type)) {
            endpoint = null;
        } else if (u.endpoint() != null) {
            endpoint = u.endpoint().value();
        }
        return new HealthCheck(type, endpoint, pick(current.timeout(), u.timeout()),
                pick(current.invocationTimeout(), u.invocationTimeout()), pick(current.interval(), u.interval()));
    }

    private static <T> T pick(T current, ProcessCommands.Change<T> change) {
        return change == null ? current : change.value();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static QuotaGuard.ProcessDemand demand(AppProcess p) {
        return new QuotaGuard.ProcessDemand(p.started(), p.memoryInMb(), p.instances(), p.logRateLimit());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
