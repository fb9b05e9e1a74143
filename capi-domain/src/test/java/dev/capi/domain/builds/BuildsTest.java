package dev.capi.domain.builds;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.AppFixture;
import dev.capi.domain.fakes.InMemoryBuilds;
import dev.capi.domain.fakes.InMemoryDroplets;
import dev.capi.model.AppPackage;
import dev.capi.model.Build;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staging a package into a build and droplet, and the stager's reports, on in-memory ports. */
class BuildsTest {
    private final AppFixture f = new AppFixture();
    private final InMemoryBuilds rows = new InMemoryBuilds();
    private final InMemoryDroplets droplets = new InMemoryDroplets();
    private final Map<String, AppPackage> packages = new HashMap<>();
    private final List<String> started = new java.util.ArrayList<>();
    private Builds builds;

    @BeforeEach
    void setUp() {
        builds = new Builds(rows, droplets, guid -> Optional.ofNullable(packages.get(guid)), f.access, f.events,
                f.appUsage, f.quotaScopes, f.quotaGuard, f.runtime, f.settings, f.metadata, f.tx, f.clock, f.guids,
                appGuid -> { }, (app, droplet, creator) -> started.add(app + ":" + droplet),
                dev.capi.domain.apps.LaunchEnvironment.NONE);
        f.app("app", null);
        pkg("ready", AppPackage.READY);
        pkg("uploading", AppPackage.AWAITING_UPLOAD);
    }

    private void pkg(String guid, String state) {
        packages.put(guid, new AppPackage(guid, f.now, f.now, "app", "space", "org", AppPackage.DOCKER, state, null,
                null, null, null, "nginx:latest", null, null, Metadata.empty()));
    }

    private Build stage(String pkg) {
        return builds.create(f.as("dev"), new Builds.Create(pkg, null, null, null, null));
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
    void stagingAReadyPackageMakesAStagingBuildAndDropletAndAsksTheStager() {
        Build b = stage("ready");
        assertThat(b.state()).isEqualTo(Build.STAGING);
        assertThat(b.stagingMemoryInMb()).isEqualTo(f.settings.defaultMemoryInMb());
        assertThat(b.createdByGuid()).isEqualTo("dev");
        Droplet d = droplets.find(b.dropletGuid()).orElseThrow();
        assertThat(d.state()).isEqualTo(Droplet.STAGING);
        assertThat(d.buildGuid()).isEqualTo(b.guid());
        assertThat(d.image()).isEqualTo("nginx:latest");
        assertThat(f.runtime.stagingRequests()).containsKey(b.guid());
        assertThat(f.auditTypes()).containsExactly("audit.app.build.create");
        assertThat(builds.dropletFinal(b)).isFalse();
    }

    @Test
    void buildCannotStartWhilePackageNotReady() {
        refused(() -> stage("uploading"), CfError.BadRequest, "Bad request: Cannot stage package whose state is not ready.");
        assertThat(rows.list(null).resources()).isEmpty();
    }

    @Test
    void anAppStagesOneBuildAtATime() {
        stage("ready");
        refused(() -> stage("ready"), CfError.StagingInProgress, null);
    }

    @Test
    void onlyDevelopersWhoSeeThePackageMayStageIt() {
        String unusable = "Unable to use package. Ensure that the package exists and you have access to it.";
        refused(() -> builds.create(f.as("auditor"), new Builds.Create("ready", null, null, null, null)),
                CfError.UnprocessableEntity, unusable);
        refused(() -> builds.create(f.as("outsider"), new Builds.Create("ready", null, null, null, null)),
                CfError.UnprocessableEntity, unusable);
        refused(() -> stage("nope"), CfError.UnprocessableEntity, unusable);
    }

    @Test
    void aSuccessfulReportStagesBuildAndDropletWithWhatTheStagerFound() {
        Build b = stage("ready");
        builds.completed(b.guid(), new StagingResult(false, null, "docker", Map.of("web", "nginx"), "{}", List.of(),
                "nginx@sha256:1"));
        assertThat(rows.find(b.guid()).orElseThrow().state()).isEqualTo(Build.STAGED);
        Droplet d = droplets.find(b.dropletGuid()).orElseThrow();
        assertThat(d.state()).isEqualTo(Droplet.STAGED);
        assertThat(d.processTypes()).containsEntry("web", "nginx");
        assertThat(d.image()).isEqualTo("nginx@sha256:1");
        assertThat(builds.dropletFinal(rows.find(b.guid()).orElseThrow())).isTrue();
        assertThat(f.auditTypes()).containsExactly("audit.app.build.create", "audit.app.build.staged");
        assertThat(started).isEmpty();
    }

    @Test
    void stageAndStartHandsTheStagedDropletOn() {
        Build b = stage("ready");
        builds.completed(b.guid(), new StagingResult(false, null, "docker", Map.of(), null, List.of(), null), true);
        assertThat(started).containsExactly("app:" + b.dropletGuid());
    }

    @Test
    void aFailedReportFailsBuildAndDropletWithTheReferencesErrorAndLaterReportsAreRefused() {
        Build b = stage("ready");
        builds.completed(b.guid(), StagingResult.failure("exit status 223"));
        Build failed = rows.find(b.guid()).orElseThrow();
        assertThat(failed.state()).isEqualTo(Build.FAILED);
        assertThat(failed.error()).isEqualTo("BuildpackCompileFailed - App staging failed in the buildpack compile "
                + "phase");
        assertThat(droplets.find(b.dropletGuid()).orElseThrow().state()).isEqualTo(Droplet.FAILED);
        refused(() -> builds.completed(b.guid(), StagingResult.failure("again")), CfError.InvalidRequest, null);
        refused(() -> builds.completed("nope", StagingResult.failure("x")), CfError.ResourceNotFound,
                "Build not found");
    }

    @Test
    void onlyAdminsAndStateUpdatersReportStateThroughUpdate() {
        Build b = stage("ready");
        refused(() -> builds.update(f.as("dev"), b.guid(), null, Build.FAILED, "x"), CfError.NotAuthorized, null);
        Build failed = builds.update(f.as("dev", Principal.UPDATE_BUILD_STATE), b.guid(), null, Build.FAILED,
                "kpack failed");
        assertThat(failed.state()).isEqualTo(Build.FAILED);
        refused(() -> builds.update(f.as("auditor"), b.guid(), null, null, null), CfError.NotAuthorized, null);
        refused(() -> builds.get(f.as("outsider"), b.guid()), CfError.ResourceNotFound, "Build not found");
    }

    @Test
    void aBuildStagingPastTheExpirationFailsWithStagingTimeExpiredWithItsDropletOnce() {
        Build b = stage("ready");
        int usageBefore = f.usageRows.all().size();
        java.time.Duration limit = java.time.Duration.ofSeconds(900).plus(PendingBuildsSweeper.ADDITIONAL);
        var early = new PendingBuildsSweeper(rows, builds, java.time.Clock.offset(f.clock, limit),
                java.time.Duration.ofSeconds(900));
        assertThat(early.sweep()).isZero();
        assertThat(rows.find(b.guid()).orElseThrow().state()).isEqualTo(Build.STAGING);

        var late = new PendingBuildsSweeper(rows, builds, java.time.Clock.offset(f.clock, limit.plusSeconds(1)),
                java.time.Duration.ofSeconds(900));
        assertThat(late.sweep()).isEqualTo(1);
        Build failed = rows.find(b.guid()).orElseThrow();
        assertThat(failed.state()).isEqualTo(Build.FAILED);
        assertThat(failed.error()).isEqualTo("StagingTimeExpired - Staging time expired: staging failed");
        Droplet droplet = droplets.find(b.dropletGuid()).orElseThrow();
        assertThat(droplet.state()).isEqualTo(Droplet.FAILED);
        assertThat(droplet.error()).isEqualTo(failed.error());
        assertThat(f.usageRows.all()).hasSize(usageBefore + 1);
        assertThat(f.usageRows.all().get(usageBefore).state()).isEqualTo("STAGING_STOPPED");
        assertThat(f.audit.list(null).resources()).extracting(e -> e.type()).contains("audit.app.build.failed");
        assertThat(late.sweep()).isZero();
        assertThat(builds.expire(b.guid(), f.now.plusSeconds(99999))).isFalse();
    }

    @Test
    void aNegativeExpirationIsRefused() {
        assertThatThrownBy(() -> new PendingBuildsSweeper(rows, builds, f.clock, java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
