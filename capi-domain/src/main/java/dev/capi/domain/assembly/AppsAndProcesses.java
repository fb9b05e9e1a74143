package dev.capi.domain.assembly;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppBlobCleanup;
import dev.capi.domain.apps.AppBuildpackValidator;
import dev.capi.domain.apps.AppCleanup;
import dev.capi.domain.apps.AppServicesView;
import dev.capi.domain.apps.AppDeletion;
import dev.capi.domain.apps.AppEnvironment;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppFeatures;
import dev.capi.domain.apps.AppStates;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.apps.BuildpackCaches;
import dev.capi.domain.apps.CurrentDroplet;
import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.deployments.DeploymentInProgress;
import dev.capi.domain.droplets.StoredDropletLookup;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.apps.EffectiveProcessCommand;
import dev.capi.domain.apps.ProcessCreate;
import dev.capi.domain.apps.ProcessSync;
import dev.capi.domain.processes.ProcessCrashes;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.revisions.RevisionOnStart;
import dev.capi.domain.revisions.Revisions;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.usage.AppUsageEventQueries;
import dev.capi.domain.usage.AppUsageEvents;

import java.util.List;

/**
 * Apps and their processes: create, states, environment, features, current droplet, scaling, usage events, and what
 * the runtime is told. Revisions live here because starting an app records one.
 */
public record AppsAndProcesses(AppAccess access, AppEvents events, AppUsageEvents usage,
                               AppUsageEventQueries usageQueries, ProcessCreate processCreate, ProcessSync sync,
                               Apps apps, AppStates states, AppEnvironment environment, AppFeatures features,
                               CurrentDroplet currentDroplet, Processes processes, BuildpackCaches buildpackCaches,
                               Revisions revisions, AppDeletion deletion, ProcessCrashes crashes) {

    public static AppsAndProcesses assemble(CorePorts core, OrgsAndSpacesPorts tenancy, AppPorts ports,
                                            LifecyclePorts lifecycle, StackRepository stacks,
                                            BuildpackRepository buildpacks,
                                            Foundation foundation, Platform platform, Routing routing,
                                            AppServicesView vcapServices, AppCleanup bindingsCleanup) {
        var tx = core.transactions();
        var clock = core.clock();
        var guids = core.guids();
        var settings = ports.settings();
        var flags = foundation.featureFlags();
        var metadata = foundation.metadataChanges();
        var droplets = new StoredDropletLookup(lifecycle.droplets());
        var deploying = new DeploymentInProgress(lifecycle.deployments());

        var events = new AppEvents(foundation.auditEvents());
        var access = new AppAccess(ports.apps(), tenancy.spaces(), new WritableSpaces(tenancy.organizations()));
        var usage = new AppUsageEvents(ports.usageEvents(), clock, guids);
        var revisions = new Revisions(lifecycle.revisions(), access, metadata, tx, clock, guids);
        var environment = new AppEnvironment(ports.apps(), tenancy.organizations(), access, tx, events, flags,
                settings, clock, routing.routes()::uris, vcapServices);
        var sync = new ProcessSync(ports.runtime(), settings, environment::runtimeEnvironment,
                new EffectiveProcessCommand(droplets));
        var processCreate = new ProcessCreate(ports.processes(), events, settings, clock, guids);
        var apps = new Apps(ports.apps(), tenancy.spaces(), tenancy.organizations(), stacks, access,
                processCreate, tx, events, flags, metadata, foundation.jobs(), settings,
                AppBuildpackValidator.over(buildpacks), clock, guids,
                platform.locks()::requireUnlocked, List.of(routing.routeRemoval()::deleteAppDestinations,
                new AppBlobCleanup(ports.contents(), core.blobs()), bindingsCleanup));
        var states = new AppStates(ports.apps(), ports.processes(), access, tx, events, usage, flags,
                platform.quotaScopes(), platform.quotaGuard(), sync, clock, guids,
                new RevisionOnStart(ports.processes(), revisions, clock));
        var currentDroplet = new CurrentDroplet(ports.apps(), ports.processes(), access, processCreate, tx, events,
                usage, sync, droplets, clock, deploying);
        var processes = new Processes(ports.processes(), ports.apps(), access, tx, events, usage, flags, metadata,
                platform.quotaScopes(), platform.quotaGuard(), sync, clock, deploying);
        var deletion = new AppDeletion(ports.apps(), ports.processes(), tenancy.spaces(), core.metadata(), usage,
                sync, apps.cleanups(), foundation.jobs());
        return new AppsAndProcesses(access, events, usage,
                new AppUsageEventQueries(ports.usageEvents(), tx, clock, guids), processCreate, sync, apps, states,
                environment, new AppFeatures(ports.apps(), ports.processes(), access, tx, settings, clock),
                currentDroplet, processes, new BuildpackCaches(access, tx, foundation.jobs(), core.blobs()),
                revisions, deletion, new ProcessCrashes(ports.processes(), ports.apps(), tx, foundation.auditEvents()));
    }

    public List<JobHandler> jobHandlers() {
        return List.of(deletion, buildpackCaches);
    }
}
