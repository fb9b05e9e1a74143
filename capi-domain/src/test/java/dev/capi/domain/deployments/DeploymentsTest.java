package dev.capi.domain.deployments;

import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryDeployments;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryRevisions;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.revisions.Revisions;
import dev.capi.model.AppProcess;
import dev.capi.model.Deployment;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rolling and canary deployments, their updater job, continue and cancel, on in-memory ports. */
class DeploymentsTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryDeployments rows = new InMemoryDeployments();
    private final InMemoryRevisions revisionRows = new InMemoryRevisions();
    private final InMemoryJobs jobRows = new InMemoryJobs();
    private Jobs jobs;
    private Deployments deployments;
    private DeploymentUpdater updater;

    @BeforeEach
    void setUp() {
        jobs = new Jobs(jobRows, f.clock, f.guids);
        var revisions = new Revisions(revisionRows, f.access, f.metadata, f.tx, f.clock, f.guids);
        DropletLookup droplets = guid -> Optional.of(new DropletLookup.Droplet(guid, f.now, f.now,
                guid.startsWith("other") ? "other-app" : "app", guid.startsWith("new") ? "STAGING" : "STAGED",
                Map.of()));
        deployments = new Deployments(rows, f.apps, f.processes, f.access, f.events, revisions,
                new ProcessSync(f.runtime, f.settings, (app, process) -> Map.of(), (app, process) -> process.command()),
                jobs, f.metadata, f.tx, f.clock, f.guids, droplets);
        updater = new DeploymentUpdater(rows, f.apps, f.processes,
                new ProcessSync(f.runtime, f.settings, (app, process) -> Map.of(), (app, process) -> process.command()),
                jobs, f.clock);
        f.app("app", "d1");
        f.processes.insert(new AppProcess("old-web", f.now, f.now, "app", "space", "org", "web", "serve", null, 2,
                256, 1024, -1, AppProcess.HealthCheck.of("port"), AppProcess.HealthCheck.of("process"),
                DesiredState.STARTED, "v1", null, Metadata.empty()));
    }

    private Deployment deploy(String droplet, String strategy, int maxInFlight, List<Integer> steps) {
        return deployments.create(f.as("dev"), new Deployments.Create("app", droplet, null, strategy, maxInFlight,
                null, steps));
    }

    private void step(Deployment d) {
        updater.perform(jobs.enqueue(Deployments.UPDATE_JOB, "deployments", d.guid()));
    }

    private static void refused(ThrowingCallable call, CfError kind, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (detail != null) {
                assertThat(e.detail()).isEqualTo(detail);
            }
        });
    }

    @Test
    void aRollingDeploymentStartsANewWebProcessOnTheNewDropletWithARevision() {
        Deployment d = deploy("d2", null, 1, null);
        assertThat(d.state()).isEqualTo(Deployment.DEPLOYING);
        assertThat(d.strategy()).isEqualTo("rolling");
        assertThat(d.previousDropletGuid()).isEqualTo("d1");
        assertThat(d.targetInstances()).isEqualTo(2);
        assertThat(d.revisionVersion()).isEqualTo(1);
        AppProcess fresh = f.processes.find(d.newProcessGuid()).orElseThrow();
        assertThat(fresh.instances()).isEqualTo(1);
        assertThat(fresh.command()).isEqualTo("serve");
        assertThat(f.apps.find("app").orElseThrow().dropletGuid()).isEqualTo("d2");
        assertThat(f.auditTypes()).containsExactly("audit.app.deployment.create");
    }

    @Test
    void aDeploymentNeedsAStagedDropletOfTheApp() {
        String invalid = "Invalid droplet. Please specify a droplet in the request or set a current droplet for the "
                + "app.";
        refused(() -> deploy("other-d", null, 1, null), CfError.UnprocessableEntity, invalid);
        refused(() -> deploy("new-d", null, 1, null), CfError.UnprocessableEntity, invalid);
        f.app("bare", null);
        refused(() -> deployments.create(f.as("dev"), new Deployments.Create("bare", null, null, null, 1, null)),
                CfError.UnprocessableEntity, invalid);
        refused(() -> deployments.create(f.as("auditor"), new Deployments.Create("app", null, null, null, 1, null)),
                CfError.NotAuthorized, null);
    }

    @Test
    void theUpdaterRollsMaxInFlightInstancesAtATimeUntilDeployed() {
        Deployment d = deploy("d2", null, 1, null);
        step(d);
        assertThat(f.processes.find(d.newProcessGuid()).orElseThrow().instances()).isEqualTo(2);
        assertThat(f.processes.find("old-web").orElseThrow().instances()).isEqualTo(1);
        assertThat(rows.find(d.guid()).orElseThrow().state()).isEqualTo(Deployment.DEPLOYING);
        step(d);
        Deployment done = rows.find(d.guid()).orElseThrow();
        assertThat(done.state()).isEqualTo(Deployment.DEPLOYED);
        assertThat(done.statusValue()).isEqualTo(Deployment.FINALIZED);
        assertThat(f.processes.find("old-web")).isEmpty();
        assertThat(deployments.inProgress("app")).isFalse();
    }

    @Test
    void aNewDeploymentSupersedesTheActiveOne() {
        Deployment first = deploy("d2", null, 1, null);
        assertThat(deployments.inProgress("app")).isTrue();
        deploy("d3", null, 1, null);
        Deployment superseded = rows.find(first.guid()).orElseThrow();
        assertThat(superseded.statusReason()).isEqualTo(Deployment.SUPERSEDED);
        assertThat(f.processes.forApp("app").stream().filter(p -> p.type().equals("web")).count()).isEqualTo(2);
    }

    @Test
    void aCanaryPausesAfterItsFirstInstanceUntilContinued() {
        Deployment d = deploy("d2", "canary", 1, null);
        assertThat(d.state()).isEqualTo(Deployment.PREPAUSED);
        refused(() -> deployments.proceed(f.as("dev"), d.guid()), CfError.UnprocessableEntity,
                "Cannot continue a deployment with status: ACTIVE and reason: DEPLOYING");
        step(d);
        assertThat(rows.find(d.guid()).orElseThrow().state()).isEqualTo(Deployment.PAUSED);
        assertThat(deployments.proceed(f.as("dev"), d.guid()).state()).isEqualTo(Deployment.DEPLOYING);
    }

    @Test
    void cancellingRestoresThePreviousDropletAndWebProcess() {
        Deployment d = deploy("d2", null, 1, null);
        Deployment canceled = deployments.cancel(f.as("dev"), d.guid());
        assertThat(canceled.state()).isEqualTo(Deployment.CANCELED);
        assertThat(f.apps.find("app").orElseThrow().dropletGuid()).isEqualTo("d1");
        assertThat(f.processes.find(d.newProcessGuid())).isEmpty();
        assertThat(f.processes.find("old-web").orElseThrow().instances()).isEqualTo(2);
        refused(() -> deployments.cancel(f.as("dev"), d.guid()), CfError.UnprocessableEntity,
                "Cannot cancel a CANCELED deployment");
        refused(() -> deployments.get(f.as("outsider"), d.guid()), CfError.ResourceNotFound,
                "Deployment not found");
    }
}
