package dev.capi.domain.tasks;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.apps.LaunchEnvironment;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.domain.runtime.TaskRequest;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Task;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The task use cases: create (space developers; {@code task_creation} flag; a droplet is required; quota checked;
 * the runtime runs it after commit), list, read (commands for secret readers only), update, cancel (developers and
 * supporters) and the runtime's completion report.
 */
public final class Tasks {
    static final String NOT_FOUND = "Task";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskRepository repository;
    private final ProcessRepository processes;
    private final AppAccess access;
    private final AppEvents events;
    private final FeatureFlags flags;
    private final QuotaScopes quotaScopes;
    private final QuotaGuard quotaGuard;
    private final Runtime runtime;
    private final AppSettings settings;
    private final MetadataChanges metadata;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;
    private final dev.capi.domain.apps.AppScopedReads<Task> reads;
    private final DropletLookup droplets;
    private final dev.capi.domain.usage.AppUsageEvents usage;
    private final LaunchEnvironment environment;

    private void recordUsage(Task t, boolean started) {
        if (usage == null) {
            return;
        }
        App app = access.existing(t.appGuid());
        var space = access.space(app.spaceGuid());
        usage.task(app, new dev.capi.domain.usage.AppUsageEvents.SpaceRef(space.guid(), space.name(),
                space.organizationGuid()), t.guid(), t.name(), t.memoryInMb(), started);
    }

    public Tasks(TaskRepository repository, ProcessRepository processes, AppAccess access, AppEvents events,
                 FeatureFlags flags, QuotaScopes quotaScopes, QuotaGuard quotaGuard, Runtime runtime,
                 AppSettings settings, MetadataChanges metadata, Transactions tx, Clock clock, Guids guids,
                 DropletLookup droplets, dev.capi.domain.usage.AppUsageEvents usage, LaunchEnvironment environment) {
        this.environment = environment;
        this.usage = usage;
        this.droplets = droplets;
        this.repository = repository;
        this.processes = processes;
        this.access = access;
        this.events = events;
        this.flags = flags;
        this.quotaScopes = quotaScopes;
        this.quotaGuard = quotaGuard;
        this.runtime = runtime;
        this.settings = settings;
        this.metadata = metadata;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
        this.reads = new dev.capi.domain.apps.AppScopedReads<>(new dev.capi.domain.apps.AppScopedReads.Rows<>(
                repository::list, repository::find, Task::spaceGuid, Task::organizationGuid), access, tx, NOT_FOUND);
    }

    public Page<Task> list(Permissions perms, ListQuery query) {
        return reads.list(perms, query);
    }

    public Page<Task> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return reads.listForApp(perms, appGuid, query);
    }

    public Task get(Permissions perms, String guid) {
        return reads.get(perms, guid);
    }

    private Task visible(Permissions perms, String guid) {
        return reads.visible(perms, guid);
    }

    /** Create: everything optional but the command (or a template process to take it from). */
    public record Create(String name, String command, Long memoryInMb, Long diskInMb, Long logRateLimit,
                         String dropletGuid, String templateProcessGuid, MetadataUpdate metadata) {
        /** The reference's texts for what the command itself lacks (the REST message joins them with its own). */
        public List<String> problems() {
            return problems(command, templateProcessGuid);
        }

        /** A task needs a command, or a template process to take it from. */
        public static List<String> problems(String command, String templateProcessGuid) {
            return command == null && templateProcessGuid == null ? List.of("Command can't be blank") : List.of();
        }
    }

    public boolean canSeeCommand(Permissions perms, Task t) {
        return perms.canReadSecretsInSpace(t.spaceGuid());
    }

    public Task create(Permissions perms, String appGuid, Create cmd) {
        if (!cmd.problems().isEmpty()) {
            throw CfException.unprocessable(String.join(", ", cmd.problems()));
        }
        flags.requireUnlessAdmin("task_creation", perms.principal());
        Task task = tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            access.requireWriter(perms, app);
            String dropletGuid = cmd.dropletGuid() != null ? cmd.dropletGuid() : app.dropletGuid();
            if (cmd.dropletGuid() != null && droplets.find(cmd.dropletGuid())
                    .filter(d -> d.appGuid().equals(app.guid())).isEmpty()) {
                throw CfException.notFound("Droplet");
            }
            if (dropletGuid == null) {
                throw CfException.unprocessable(
                        "Task must have a droplet. Specify droplet or assign current droplet to app.");
            }
            AppProcess template = null;
            if (cmd.templateProcessGuid() != null) {
                template = processes.find(cmd.templateProcessGuid()).filter(p -> p.appGuid().equals(app.guid()))
                        .orElseThrow(() -> CfException.of(dev.capi.domain.errors.CfError.ProcessNotFound,
                                cmd.templateProcessGuid()));
            }
            String command = cmd.command() != null ? cmd.command() : template != null ? template.command() : null;
            if (command == null || command.isBlank()) {
                throw CfException.unprocessable("The request is semantically invalid: command presence");
            }
            long memory = cmd.memoryInMb() != null ? cmd.memoryInMb()
                    : template != null ? template.memoryInMb() : settings.defaultMemoryInMb();
            long disk = cmd.diskInMb() != null ? cmd.diskInMb()
                    : template != null ? template.diskInMb() : settings.defaultDiskInMb();
            long logRate = cmd.logRateLimit() != null ? cmd.logRateLimit()
                    : template != null ? template.logRateLimit() : settings.defaultLogRateLimit();
            quotaGuard.checkTask(quotaScopes.forSpace(app.spaceGuid()), memory, logRate);
            Instant now = now();
            String name = cmd.name() != null ? cmd.name() : randomName();
            var t = new Task(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    repository.nextSequenceId(app.guid()), name, command, null, Task.RUNNING, memory, disk, logRate,
                    dropletGuid, null, Metadata.empty());
            repository.insert(t);
            recordUsage(t, true);
            events.app("audit.app.task.create", perms.principal(), app,
                    Map.of("task_guid", t.guid(), "request", Map.of("name", name, "command",
                            "[PRIVATE DATA HIDDEN]")));
            return t.withMetadata(metadata.apply(t.guid(), "task", Metadata.empty(), cmd.metadata()));
        });
        try {
            runtime.runTask(new TaskRequest(task.guid(), task.appGuid(), task.dropletGuid(), task.command(),
                    task.memoryInMb(), task.diskInMb(), task.logRateLimit(),
                    environment.forTask(task.appGuid(), task.memoryInMb())));
        } catch (RuntimeUnavailableException e) {
            completed(task.guid(), true, "Unable to request task to be run");
            throw CfException.of(dev.capi.domain.errors.CfError.RunnerUnavailable, e.getMessage());
        }
        return task;
    }

    public Task update(Permissions perms, String guid, MetadataUpdate meta) {
        return tx.inTransaction(() -> {
            Task t = visible(perms, guid);
            access.requireWriter(perms, access.existing(t.appGuid()));
            Task updated = t.withState(t.state(), t.failureReason(), now());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, "task", t.metadata(), meta));
        });
    }

    /** 404, 403 (developers and supporters may cancel), 422 for a task that ended; the runtime cancels it. */
    public Task cancel(Permissions perms, String guid) {
        Task canceling = tx.inTransaction(() -> {
            Task t = visible(perms, guid);
            App app = access.existing(t.appGuid());
            access.requireManager(perms, app);
            TaskStates.requireCancelable(t);
            Task updated = t.withState(Task.CANCELING, null, now());
            repository.update(updated);
            events.app("audit.app.task.cancel", perms.principal(), app, Map.of("task_guid", t.guid()));
            return updated;
        });
        try {
            runtime.cancelTask(guid);
        } catch (RuntimeUnavailableException e) {
            throw CfException.of(dev.capi.domain.errors.CfError.RunnerUnavailable, e.getMessage());
        }
        return canceling;
    }

    /** The runtime's report ({@code /internal/v4/tasks/:guid/completed}); 404 for an unknown task. */
    public void completed(String guid, boolean failed, String failureReason) {
        tx.run(() -> {
            Task t = repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            String to = failed ? Task.FAILED : Task.SUCCEEDED;
            if (!TaskStates.allowed(t.state(), to)) {
                return;
            }
            repository.update(t.withState(to, failed ? failureReason : null, now()));
            recordUsage(t, false);
        });
    }

    private static String randomName() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
