package dev.capi.domain.assembly;

import dev.capi.domain.builds.Builds;
import dev.capi.domain.builds.StartStagedDroplet;
import dev.capi.domain.deployments.DeploymentUpdater;
import dev.capi.domain.deployments.Deployments;
import dev.capi.domain.droplets.Droplets;
import dev.capi.domain.droplets.StoredDropletLookup;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.manifests.ManifestAppUpdate;
import dev.capi.domain.manifests.ManifestApply;
import dev.capi.domain.manifests.ManifestRoutes;
import dev.capi.domain.manifests.ManifestSource;
import dev.capi.domain.packages.Packages;
import dev.capi.domain.packages.ResourcePool;
import dev.capi.domain.sidecars.Sidecars;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.tasks.Tasks;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The app lifecycle: packages, droplets, builds, tasks, sidecars, deployments and manifests. */
public record Lifecycle(Packages packages, ResourcePool resourcePool, Droplets droplets, Builds builds, Tasks tasks,
                        Sidecars sidecars, Deployments deployments, ManifestApply manifestApply,
                        ManifestSource manifestSource, List<JobHandler> jobHandlers) {

    public static Lifecycle assemble(CorePorts core, OrgsAndSpaces orgsAndSpaces, OrgsAndSpacesPorts tenancy,
                                     AppPorts appPorts, LifecyclePorts ports, Foundation foundation,
                                     Platform platform, Routing routing, AppsAndProcesses apps,
                                     ServiceBindingsArea serviceBindings) {
        var tx = core.transactions();
        var clock = core.clock();
        var guids = core.guids();
        var jobs = foundation.jobs();
        var metadata = foundation.metadataChanges();
        var dropletLookup = new StoredDropletLookup(ports.droplets());
        List<JobHandler> handlers = new ArrayList<>();

        var packages = new Packages(ports.packages(), apps.access(), apps.events(), tx, jobs, core.blobs(),
                foundation.featureFlags(), metadata, clock, guids);
        handlers.add(packages.deletion(core.metadata()));
        var droplets = new Droplets(ports.droplets(), apps.access(), appPorts.apps(), appPorts.processes(), packages,
                apps.events(), tx, jobs, core.blobs(), metadata, clock, guids);
        handlers.addAll(droplets.jobHandlers(core.metadata()));
        var builds = new Builds(ports.builds(), ports.droplets(), packages, apps.access(), apps.events(), apps.usage(),
                platform.quotaScopes(), platform.quotaGuard(), apps.sync().runtime(), appPorts.settings(), metadata,
                tx, clock, guids, droplets.retention()::expireOld, new StartStagedDroplet(appPorts.apps(),
                appPorts.processes(), dropletLookup, apps.processCreate(), apps.states(), clock), apps.environment());
        var tasks = new Tasks(ports.tasks(), appPorts.processes(), apps.access(), apps.events(),
                foundation.featureFlags(), platform.quotaScopes(), platform.quotaGuard(), apps.sync().runtime(),
                appPorts.settings(), metadata, tx, clock, guids, dropletLookup, apps.usage(), apps.environment());
        var deployments = new Deployments(ports.deployments(), appPorts.apps(), appPorts.processes(), apps.access(),
                apps.events(), apps.revisions(), apps.sync(), jobs, metadata, tx, clock, guids, dropletLookup);
        handlers.add(new DeploymentUpdater(ports.deployments(), appPorts.apps(), appPorts.processes(), apps.sync(),
                jobs, clock));

        var sidecars = new Sidecars(ports.sidecars(), appPorts.processes(), apps.access(), tx, clock, guids);
        var manifestRoutes = new ManifestRoutes(routing.routes(), routing.routeCreate(), routing.routeDestinations(),
                routing.domains(), new SecureRandom());
        var manifestUpdate = new ManifestAppUpdate(apps.apps(), apps.processes(), appPorts.processes(),
                apps.processCreate(), apps.environment(), manifestRoutes, sidecars,
                serviceBindings.credentialBindingCreate());
        var manifestApply = new ManifestApply(tenancy.spaces(), new WritableSpaces(tenancy.organizations()),
                apps.apps(), apps.events(), jobs, ports.manifests(), tx, manifestUpdate, orgsAndSpaces.permissions()::of);
        handlers.add(manifestApply);
        return new Lifecycle(packages, new ResourcePool(core.blobs()), droplets, builds, tasks, sidecars,
                deployments, manifestApply, new ManifestSource(apps.access(), appPorts.processes(), routing.routes(),
                tx, sidecars), List.copyOf(handlers));
    }
}
