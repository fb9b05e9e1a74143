package dev.capi.rest.internal.support;

import dev.capi.domain.fakes.InMemoryDomain;
import dev.capi.model.App;
import dev.capi.model.AppPackage;
import dev.capi.model.AppProcess;
import dev.capi.model.Build;
import dev.capi.model.DesiredState;
import dev.capi.model.Droplet;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.model.Task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rows the internal API's tests start from: an org, a space and an app with its web process, and its bits. */
public final class Seeds {
    public static final Instant T0 = Instant.parse("2025-12-31T00:00:00Z");
    private final InMemoryDomain domain;
    public final Organization org;
    public final Space space;
    public final App app;
    public final AppProcess web;

    public Seeds(InMemoryDomain domain) {
        this.domain = domain;
        org = new Organization(domain.nextGuid(), T0, T0, "org", false, null, Metadata.empty());
        domain.organizations.insert(org);
        space = new Space(domain.nextGuid(), T0, T0, "space", org.guid(), false, true, null, null, Metadata.empty());
        domain.spaces.insert(space);
        app = new App(domain.nextGuid(), T0, T0, "app", space.guid(), org.guid(), DesiredState.STARTED,
                new Lifecycle(Lifecycle.BUILDPACK, List.of(), "cflinuxfs4"), Map.of(), null,
                App.Features.defaults(true), Metadata.empty());
        domain.apps.insert(app);
        web = new AppProcess(domain.nextGuid(), T0, T0, app.guid(), space.guid(), org.guid(), AppProcess.WEB, null,
                null, 2, 256, 1024, -1, AppProcess.HealthCheck.of(AppProcess.HealthCheck.PORT), null,
                DesiredState.STARTED, "v1", null, Metadata.empty());
        domain.processes.insert(web);
    }

    public AppPackage bitsPackage(String state, String blobKey) {
        var p = new AppPackage(domain.nextGuid(), T0, T0, app.guid(), space.guid(), org.guid(), AppPackage.BITS,
                state, null, null, null, blobKey, null, null, null, Metadata.empty());
        domain.packages.insert(p);
        return p;
    }

    public Build stagingBuild(AppPackage pkg) {
        var b = new Build(domain.nextGuid(), T0, T0, app.guid(), space.guid(), org.guid(), pkg.guid(), null,
                Build.STAGING, null, Lifecycle.BUILDPACK, List.of(), "cflinuxfs4", 1024, 4096, -1, "user-1", "user",
                null, Metadata.empty());
        domain.builds.insert(b);
        return b;
    }

    public Droplet droplet(String state, String buildGuid, String packageGuid) {
        var d = new Droplet(domain.nextGuid(), T0, T0, app.guid(), space.guid(), org.guid(), packageGuid, buildGuid,
                state, null, Lifecycle.BUILDPACK, Map.of(), null, List.of(), "cflinuxfs4", null, null, null, null,
                Metadata.empty());
        domain.droplets.insert(d);
        return d;
    }

    /** Makes {@code droplet} the app's current droplet. */
    public void current(Droplet droplet) {
        domain.apps.update(app.withDropletGuid(droplet.guid(), T0));
    }

    public Task task(String state) {
        var t = new Task(domain.nextGuid(), T0, T0, app.guid(), space.guid(), org.guid(), 1, "migrate",
                "rake db:migrate", null, state, 256, 1024, -1, null, null, Metadata.empty());
        domain.tasks.insert(t);
        return t;
    }
}
