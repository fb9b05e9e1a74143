package dev.capi.domain.deployments;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.revisions.Revisions;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.Deployment;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Revision;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deployments: a new web process with the new droplet replaces the old one, {@code max_in_flight} instances at a time,
 * driven by the {@code deployment.update} job ({@link DeploymentUpdater}); canary deployments pause after their first
 * instance runs until continued; cancel restores the previous droplet.
 */
public final class Deployments {
    public static final String UPDATE_JOB = "deployment.update";
    static final String NOT_FOUND = "Deployment";

    private final DeploymentRepository repository;
    private final AppRepository apps;
    private final ProcessRepository processes;
    private final AppAccess access;
    private final AppEvents events;
    private final Revisions revisions;
    private final ProcessSync sync;
    private final Jobs jobs;
    private final MetadataChanges metadata;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;
    private final DropletLookup droplets;

    public Deployments(DeploymentRepository repository, AppRepository apps, ProcessRepository processes,
                       AppAccess access, AppEvents events, Revisions revisions, ProcessSync sync, Jobs jobs,
                       MetadataChanges metadata, Transactions tx, Clock clock, Guids guids,
                       DropletLookup droplets) {
        this.droplets = droplets;
        this.repository = repository;
        this.apps = apps;
        this.processes = processes;
        this.access = access;
        this.events = events;
        this.revisions = revisions;
        this.sync = sync;
        this.jobs = jobs;
        this.metadata = metadata;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    /** Whether the app has a deployment in progress (apps refuse to change their droplet meanwhile). */
    public boolean inProgress(String appGuid) {
        return new DeploymentInProgress(repository).test(appGuid);
    }

    /** Create: the app, optionally a droplet or revision, the strategy and {@code max_in_flight}. */
    public record Create(String appGuid, String dropletGuid, String revisionGuid, String strategy, int maxInFlight,
                         MetadataUpdate metadata, List<Integer> canarySteps) {
        public Create(String appGuid, String dropletGuid, String revisionGuid, String strategy, int maxInFlight,
                      MetadataUpdate metadata) {
            this(appGuid, dropletGuid, revisionGuid, strategy, maxInFlight, metadata, null);
        }
    }

    public Page<Deployment> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    public Deployment get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private Deployment visible(Permissions perms, String guid) {
        return repository.find(guid).filter(d -> perms.canReadSpace(d.spaceGuid(), d.organizationGuid()))
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    public Deployment create(Permissions perms, Create cmd) {
        List<String> interim = new java.util.ArrayList<>();
        Deployment created = tx.inTransaction(() -> {
            App app = access.visibleOrInvalid(perms, cmd.appGuid());
            access.requireWriter(perms, app);
            String dropletGuid = cmd.dropletGuid();
            if (cmd.revisionGuid() != null) {
                Revision r = revisions.get(perms, cmd.revisionGuid());
                dropletGuid = r.dropletGuid();
            }
            if (dropletGuid == null) {
                dropletGuid = app.dropletGuid();
            }
            String wanted = dropletGuid;
            if (wanted == null || droplets.find(wanted).filter(d -> d.appGuid().equals(cmd.appGuid())
                    && "STAGED".equals(d.state())).isEmpty()) {
                throw CfException.unprocessable(
                        "Invalid droplet. Please specify a droplet in the request or set a current droplet for the app.");
            }
            Instant now = now();
            for (Deployment old : repository.activeForApp(app.guid())) {
                repository.update(DeploymentStates.move(old, Deployment.DEPLOYED, Deployment.FINALIZED,
                        Deployment.SUPERSEDED, now));
            }
            List<AppProcess> webs = processes.forApp(app.guid()).stream().filter(p -> p.type().equals("web"))
                    .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
            AppProcess old = webs.isEmpty() ? null : webs.get(0);
            for (int i = 1; i < webs.size(); i++) {
                processes.delete(webs.get(i).guid());
                interim.add(webs.get(i).guid());
            }
            String previousDroplet = app.dropletGuid();
            App updated = app.withDropletGuid(wanted, now).withState(DesiredState.STARTED, now);
            apps.update(updated);
            Map<String, String> commands = old != null && old.command() != null ? Map.of("web", old.command())
                    : Map.of();
            Optional<Revision> revision = revisions.record(updated, wanted, commands);
            int target = old != null ? Math.max(old.instances(), 1) : 1;
            boolean canary = "canary".equals(cmd.strategy());
            List<Integer> steps = canary && cmd.canarySteps() != null ? cmd.canarySteps() : List.of();
            int first = canary ? Math.max(1, steps.isEmpty() ? 1 : (int) Math.ceil(target * steps.get(0) / 100.0))
                    : Math.min(cmd.maxInFlight(), target);
            AppProcess fresh = new AppProcess(guids.next(), now, now, app.guid(), app.spaceGuid(),
                    app.organizationGuid(), "web", old != null ? old.command() : null, old != null ? old.user() : null,
                    first, old != null ? old.memoryInMb() : 1024, old != null ? old.diskInMb() : 1024,
                    old != null ? old.logRateLimit() : -1,
                    old != null ? old.healthCheck() : AppProcess.HealthCheck.of(AppProcess.HealthCheck.PORT),
                    old != null ? old.readinessCheck() : AppProcess.HealthCheck.of(AppProcess.HealthCheck.PROCESS),
                    DesiredState.STARTED, guids.next(), revision.map(Revision::guid).orElse(null), Metadata.empty());
            processes.insert(fresh);
            var d = new Deployment(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    canary ? Deployment.PREPAUSED : Deployment.DEPLOYING, Deployment.ACTIVE, Deployment.DEPLOYING,
                    canary ? "canary" : "rolling",
                    wanted, previousDroplet, revision.map(Revision::guid).orElse(null),
                    revision.map(Revision::version).orElse(null), fresh.guid(), old != null ? old.guid() : null,
                    target, cmd.maxInFlight(), now, now, steps, 1, Metadata.empty());
            repository.insert(d);
            events.app("audit.app.deployment.create", perms.principal(), updated,
                    Map.of("deployment_guid", d.guid(), "droplet_guid", wanted, "strategy", d.strategy()));
            jobs.enqueue(UPDATE_JOB, "deployments", d.guid());
            return d.withMetadata(metadata.apply(d.guid(), "deployment", Metadata.empty(), cmd.metadata()));
        });
        interim.forEach(sync.runtime()::stop);
        converge(created.appGuid());
        return created;
    }

    public Deployment update(Permissions perms, String guid, MetadataUpdate meta) {
        return tx.inTransaction(() -> {
            Deployment d = visible(perms, guid);
            access.requireWriter(perms, access.existing(d.appGuid()));
            return d.withMetadata(metadata.apply(guid, "deployment", d.metadata(), meta));
        });
    }

    /** Cancel: the previous droplet and web process come back; the new process goes; CANCELED. */
    public Deployment cancel(Permissions perms, String guid) {
        Deployment canceled = tx.inTransaction(() -> {
            Deployment d = visible(perms, guid);
            App app = access.existing(d.appGuid());
            access.requireWriter(perms, app);
            if (!d.active()) {
                throw CfException.unprocessable("Cannot cancel a " + d.state() + " deployment");
            }
            Instant now = now();
            if (d.previousDropletGuid() != null) {
                apps.update(app.withDropletGuid(d.previousDropletGuid(), now));
            }
            if (d.oldProcessGuid() != null) {
                processes.find(d.oldProcessGuid()).ifPresent(old -> processes.update(old.withScale(d.targetInstances(),
                        old.memoryInMb(), old.diskInMb(), old.logRateLimit(), old.version(), now)));
                processes.delete(d.newProcessGuid());
            }
            Deployment result = DeploymentStates.move(d, Deployment.CANCELED, Deployment.FINALIZED, Deployment.CANCELED,
                    now);
            repository.update(result);
            events.app("audit.app.deployment.cancel", perms.principal(), app, Map.of("deployment_guid", d.guid()));
            return result;
        });
        sync.runtime().stop(canceled.newProcessGuid());
        converge(canceled.appGuid());
        return canceled;
    }

    /** Continue a PAUSED (canary) deployment: it deploys the remaining instances. */
    public Deployment proceed(Permissions perms, String guid) {
        Deployment proceeded = tx.inTransaction(() -> {
            Deployment d = visible(perms, guid);
            App app = access.existing(d.appGuid());
            access.requireWriter(perms, app);
            if (!Deployment.PAUSED.equals(d.state())) {
                throw CfException.unprocessable("Cannot continue a deployment with status: " + d.statusValue()
                        + " and reason: " + d.statusReason());
            }
            boolean moreSteps = d.canaryCurrentStep() < d.canarySteps().size();
            Deployment result = moreSteps
                    ? DeploymentStates.move(d, Deployment.PREPAUSED, Deployment.ACTIVE, Deployment.DEPLOYING, now())
                    .atStep(d.canaryCurrentStep() + 1)
                    : DeploymentStates.move(d, Deployment.DEPLOYING, Deployment.ACTIVE, Deployment.DEPLOYING, now());
            repository.update(result);
            if (moreSteps) {
                processes.find(d.newProcessGuid()).ifPresent(p -> processes.update(p.withScale(
                        result.canaryInstances(), p.memoryInMb(), p.diskInMb(), p.logRateLimit(), p.version(),
                        now())));
            }
            events.app("audit.app.deployment.continue", perms.principal(), app, Map.of("deployment_guid", d.guid()));
            jobs.enqueue(UPDATE_JOB, "deployments", d.guid());
            return result;
        });
        converge(proceeded.appGuid());
        return proceeded;
    }

    private void converge(String appGuid) {
        apps.find(appGuid).ifPresent(app -> sync.converge(app, processes.forApp(appGuid)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
