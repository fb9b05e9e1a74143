package dev.capi.domain.deployments;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.model.AppProcess;
import dev.capi.model.Deployment;
import dev.capi.model.Job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code deployment.update} job (the reference's DeploymentUpdater): each run locks the deployment's row (one node
 * at a time scales it), reads how the new web process's instances are doing from the runtime, applies one
 * {@link DeploymentScale} step (old web processes down, the new one up, {@code max_in_flight} at a time), and either
 * finishes — a rolling deployment DEPLOYED with the old web processes removed, a canary step PAUSED — or enqueues its
 * successor to look again after {@link #POLL}. It waits on real instances, so it never hurries: a new instance is
 * counted only once the runtime reports it RUNNING and routable.
 */
public final class DeploymentUpdater implements JobHandler {
    /** How long the updater waits before looking at the instances again. */
    static final Duration POLL = Duration.ofMillis(250);

    private final DeploymentRepository repository;
    private final AppRepository apps;
    private final ProcessRepository processes;
    private final ProcessSync sync;
    private final Jobs jobs;
    private final Clock clock;

    public DeploymentUpdater(DeploymentRepository repository, AppRepository apps, ProcessRepository processes,
                             ProcessSync sync, Jobs jobs, Clock clock) {
        this.repository = repository;
        this.apps = apps;
        this.processes = processes;
        this.sync = sync;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String operation() {
        return Deployments.UPDATE_JOB;
    }

    @Override
    public void perform(Job job) {
        Deployment d = repository.findForUpdate(job.resourceGuid()).orElse(null);
        if (d == null || !(Deployment.DEPLOYING.equals(d.state()) || Deployment.PREPAUSED.equals(d.state()))) {
            return;
        }
        AppProcess fresh = processes.find(d.newProcessGuid()).orElse(null);
        if (fresh == null) {
            return;
        }
        List<AppProcess> olds = processes.forApp(d.appGuid()).stream()
                .filter(p -> p.type().equals("web") && !p.guid().equals(fresh.guid()))
                .sorted(Comparator.comparing(AppProcess::createdAt)).toList();
        int oldSum = olds.stream().mapToInt(AppProcess::instances).sum();
        boolean canary = Deployment.PREPAUSED.equals(d.state());
        int interim = canary ? d.canaryInstances() : d.targetInstances();
        int total = canary ? DeploymentScale.canaryTotal(d.targetInstances(), interim, canaryWeight(d))
                : d.targetInstances();
        var counts = DeploymentScale.Counts.of(sync.runtime().instances(fresh.guid()));
        DeploymentScale step = DeploymentScale.step(total, interim, d.maxInFlight(), fresh.instances(), oldSum,
                counts);
        Instant now = now();
        scaleDown(olds, oldSum - step.oldInstances(), now);
        if (step.finished()) {
            finish(d.healthyAt(now), olds, canary, now);
        } else {
            if (step.newInstances() != fresh.instances()) {
                processes.update(fresh.withScale(step.newInstances(), fresh.memoryInMb(), fresh.diskInMb(),
                        fresh.logRateLimit(), fresh.version(), now));
                repository.update(d.healthyAt(now));
            }
            jobs.enqueueAfter(POLL, Deployments.UPDATE_JOB, "deployments", d.guid());
        }
        apps.find(d.appGuid()).ifPresent(app -> sync.converge(app, processes.forApp(d.appGuid())));
    }

    /** Takes {@code fewer} instances from the old web processes, oldest first. */
    private void scaleDown(List<AppProcess> olds, int fewer, Instant now) {
        for (AppProcess old : olds) {
            if (fewer <= 0) {
                return;
            }
            int take = Math.min(fewer, old.instances());
            processes.update(old.withScale(old.instances() - take, old.memoryInMb(), old.diskInMb(),
                    old.logRateLimit(), old.version(), now));
            fewer -= take;
        }
    }

    private void finish(Deployment d, List<AppProcess> olds, boolean canary, Instant now) {
        if (canary) {
            repository.update(DeploymentStates.move(d, Deployment.PAUSED, Deployment.ACTIVE, Deployment.PAUSED, now));
            return;
        }
        for (AppProcess old : olds) {
            processes.delete(old.guid());
            sync.runtime().stop(old.guid());
        }
        repository.update(DeploymentStates.move(d, Deployment.DEPLOYED, Deployment.FINALIZED, Deployment.DEPLOYED,
                now));
    }

    private static int canaryWeight(Deployment d) {
        int step = d.canaryCurrentStep();
        return step >= 1 && step <= d.canarySteps().size() ? d.canarySteps().get(step - 1) : 0;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
