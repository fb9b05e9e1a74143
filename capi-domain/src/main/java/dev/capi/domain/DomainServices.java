package dev.capi.domain;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.events.AuditEventQueries;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.domains.Domains;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.isolationsegments.IsolationSegmentAssignments;
import dev.capi.domain.isolationsegments.IsolationSegmentCleanup;
import dev.capi.domain.isolationsegments.IsolationSegmentEntitlements;
import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.isolationsegments.IsolationSegments;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.organizations.OrganizationDeletion;
import dev.capi.domain.organizations.Organizations;
import dev.capi.domain.quotas.OrganizationQuotaDeletion;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.domain.quotas.OrganizationQuotas;
import dev.capi.domain.quotas.QuotaCleanup;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.quotas.QuotaUsageRepository;
import dev.capi.domain.quotas.SpaceQuotaDeletion;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.domain.quotas.SpaceQuotas;
import dev.capi.domain.quotas.UsageSummaries;
import dev.capi.domain.roles.RoleCreate;
import dev.capi.domain.roles.RoleDeletion;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.domain.registrycredentials.RegistryCredentials;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.locks.Locks;
import dev.capi.domain.roles.RoleGrants;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.stacks.Stacks;
import dev.capi.domain.roles.Roles;
import dev.capi.domain.securitygroups.SecurityGroupCleanup;
import dev.capi.domain.securitygroups.SecurityGroupDeletion;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.domain.securitygroups.SecurityGroupRules;
import dev.capi.domain.securitygroups.SecurityGroups;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteRemoval;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.routes.RoutingContext;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.domain.spaces.SpaceDeletion;
import dev.capi.domain.spaces.Spaces;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.users.UserCreate;
import dev.capi.domain.users.UserDeletion;
import dev.capi.domain.users.UserRegistry;
import dev.capi.domain.users.Users;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppBuildpackValidator;
import dev.capi.domain.apps.AppDeletion;
import dev.capi.domain.apps.AppEnvironment;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppFeatures;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.apps.AppStates;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.apps.CurrentDroplet;
import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.processes.ProcessCreate;
import dev.capi.domain.processes.ProcessRepository;
import dev.capi.domain.processes.ProcessSync;
import dev.capi.domain.processes.Processes;
import dev.capi.domain.runtime.InProcessRuntime;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.usage.AppUsageEventRepository;
import dev.capi.domain.usage.AppUsageEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain, assembled from its ports: one object per resource's use cases. Adapters (REST, jobs) call these; the
 * assembly builds exactly one instance.
 */
public final class DomainServices {
    private final Ports ports;
    private final Settings settings;
    private final AuditEvents auditEvents;
    private final AuditEventQueries auditEventQueries;
    private final FeatureFlags featureFlags;
    private final Jobs jobs;
    private final UserRegistry userRegistry;
    private final RoleGrants roleGrants;
    private final MetadataChanges metadataChanges;
    private final Organizations organizations;
    private final Users users;
    private final UserCreate userCreate;
    private final Roles roles;
    private final RoleCreate roleCreate;
    private final Spaces spaces;
    private final OrganizationQuotas organizationQuotas;
    private final SpaceQuotas spaceQuotas;
    private final UsageSummaries usageSummaries;
    private final QuotaScopes quotaScopes;
    private final QuotaGuard quotaGuard = new QuotaGuard();
    private final RegistryCredentials registryCredentials;
    private final Stacks stacks;
    private final dev.capi.domain.buildpacks.Buildpacks buildpacks;
    private final dev.capi.domain.buildpacks.BuildpackCacheClearing buildpackCacheClearing;
    private final Locks locks;
    private final dev.capi.domain.usage.AppUsageEventQueries appUsageEventQueries;
    private final dev.capi.domain.usage.ServiceUsageEvents serviceUsageEvents;
    private final dev.capi.domain.envgroups.EnvironmentVariableGroups environmentVariableGroups;
    private final IsolationSegments isolationSegments;
    private final IsolationSegmentEntitlements isolationSegmentEntitlements;
    private final IsolationSegmentAssignments isolationSegmentAssignments;
    private final SecurityGroups securityGroups;
    private final AppsAndProcesses apps;
    private final Domains domains;
    private final Routes routes;
    private final RouteCreate routeCreate;
    private final RouteDestinations routeDestinations;
    private final RouteRemoval routeRemoval;
    private final dev.capi.domain.manifests.ManifestApply manifestApply;
    private final dev.capi.domain.packages.Packages packages;
    private final dev.capi.domain.packages.ResourcePool resourcePool;
    private final dev.capi.domain.droplets.Droplets droplets;
    private final dev.capi.domain.builds.Builds builds;
    private final dev.capi.domain.tasks.Tasks tasks;
    private final dev.capi.domain.sidecars.Sidecars sidecars;
    private final dev.capi.domain.revisions.Revisions revisions;
    private final dev.capi.domain.deployments.Deployments deployments;
    private final dev.capi.domain.manifests.ManifestSource manifestSource;
    private final List<OrganizationCleanup> cleanups = new ArrayList<>();
    private final List<JobHandler> jobHandlers = new ArrayList<>();

    public DomainServices(Ports ports, Settings settings) {
        this.ports = ports;
        this.settings = settings;
        this.auditEvents = new AuditEvents(ports.auditEvents(), ports.clock(), ports.guids());
        this.featureFlags = new FeatureFlags(ports.featureFlags(), ports.transactions(), ports.clock());
        if (!settings.featureFlagOverrides().isEmpty()) {
            featureFlags.applyOverrides(settings.featureFlagOverrides());
        }
        this.auditEventQueries = new AuditEventQueries(ports.auditEvents(), ports.transactions());
        this.jobs = new Jobs(ports.jobs(), ports.clock(), ports.guids());
        this.userRegistry = new UserRegistry(ports.users(), ports.transactions(), ports.clock());
        this.roleGrants = new RoleGrants(ports.roles(), userRegistry, ports.clock(), ports.guids());
        this.metadataChanges = new MetadataChanges(ports.metadata(), settings.maxLabelsPerResource(),
                settings.maxAnnotationsPerResource());
        this.organizations = new Organizations(ports.organizations(), ports.transactions(), auditEvents, featureFlags,
                metadataChanges, roleGrants, jobs, ports.clock(), ports.guids());
        var organizationDeletion = new OrganizationDeletion(ports.organizations(), ports.spaces(), ports.roles(),
                ports.metadata(), cleanups);
        jobHandlers.add(organizationDeletion);
        this.users = new Users(ports.users(), ports.organizations(), ports.spaces(), ports.transactions(),
                metadataChanges, jobs);
        this.userCreate = new UserCreate(ports.users(), ports.userDirectory(), ports.transactions(), metadataChanges,
                ports.clock(), ports.guids(), settings.allowUserCreationByOrgManager());
        this.roles = new Roles(ports.roles(), ports.users(), ports.organizations(), ports.spaces(), auditEvents,
                ports.transactions(), jobs);
        this.roleCreate = new RoleCreate(ports.roles(), ports.users(), ports.userDirectory(), users,
                ports.organizations(), ports.spaces(), auditEvents, featureFlags, ports.transactions(), ports.clock(),
                ports.guids(), settings.allowUserCreationByOrgManager());
        jobHandlers.add(new UserDeletion(ports.users(), ports.roles(), ports.metadata()));
        jobHandlers.add(new RoleDeletion(ports.roles()));
        this.spaces = new Spaces(ports.spaces(), ports.organizations(), ports.transactions(), auditEvents,
                metadataChanges, jobs, ports.clock(), ports.guids());
        jobHandlers.add(new SpaceDeletion(ports.spaces(), organizationDeletion));
        this.registryCredentials = new RegistryCredentials(ports.more().get(RegistryCredentialRepository.class),
                ports.organizations(), ports.spaces(), ports.transactions(), metadataChanges, ports.clock(),
                ports.guids());
        cleanups.add(registryCredentials);
        this.locks = new Locks(ports.more().get(LockRepository.class), ports.spaces(),
                new WritableSpaces(ports.organizations()), ports.transactions(), metadataChanges, jobs, ports.clock(),
                ports.guids());
        cleanups.add(locks);
        jobHandlers.add(locks.deletion());
        this.environmentVariableGroups = new dev.capi.domain.envgroups.EnvironmentVariableGroups(
                ports.more().get(dev.capi.domain.envgroups.EnvironmentVariableGroupRepository.class),
                ports.transactions(), ports.clock());
        this.stacks = new Stacks(ports.more().get(StackRepository.class), ports.transactions(), auditEvents,
                metadataChanges, ports.clock(), ports.guids());
        var buildpackRows = ports.more().get(dev.capi.domain.buildpacks.BuildpackRepository.class);
        this.buildpacks = new dev.capi.domain.buildpacks.Buildpacks(buildpackRows,
                ports.more().get(StackRepository.class), ports.transactions(), auditEvents, metadataChanges, jobs,
                ports.blobs(), ports.clock(), ports.guids(),
                ports.more().find(dev.capi.domain.buildpacks.BuildpackSettings.class)
                        .orElse(dev.capi.domain.buildpacks.BuildpackSettings.defaults()));
        jobHandlers.addAll(buildpacks.jobHandlers(ports.metadata()));
        this.buildpackCacheClearing = new dev.capi.domain.buildpacks.BuildpackCacheClearing(ports.transactions(),
                jobs, ports.blobs());
        jobHandlers.add(buildpackCacheClearing);
        var organizationQuotaRows = ports.more().get(OrganizationQuotaRepository.class);
        var spaceQuotaRows = ports.more().get(SpaceQuotaRepository.class);
        var quotaUsage = ports.more().get(QuotaUsageRepository.class);
        this.organizationQuotas = new OrganizationQuotas(organizationQuotaRows, ports.organizations(), quotaUsage,
                ports.transactions(), auditEvents, jobs, ports.clock(), ports.guids());
        organizationQuotas.seed(settings.quotaDefinitions());
        this.spaceQuotas = new SpaceQuotas(spaceQuotaRows, ports.organizations(), ports.spaces(),
                organizationQuotaRows, quotaUsage, ports.transactions(), auditEvents, jobs, ports.clock(),
                ports.guids());
        this.usageSummaries = new UsageSummaries(ports.organizations(), ports.spaces(), quotaUsage,
                ports.transactions());
        this.quotaScopes = new QuotaScopes(ports.organizations(), ports.spaces(), organizationQuotaRows,
                spaceQuotaRows, quotaUsage);
        cleanups.add(new QuotaCleanup(spaceQuotaRows));
        jobHandlers.add(new OrganizationQuotaDeletion(organizationQuotaRows));
        jobHandlers.add(new SpaceQuotaDeletion(spaceQuotaRows));
        var isolationSegmentRows = ports.more().get(IsolationSegmentRepository.class);
        var securityGroupRows = ports.more().get(SecurityGroupRepository.class);
        this.isolationSegments = new IsolationSegments(isolationSegmentRows, ports.metadata(),
                ports.transactions(), metadataChanges, ports.clock(), ports.guids());
        this.isolationSegmentEntitlements = new IsolationSegmentEntitlements(isolationSegmentRows,
                isolationSegments, ports.organizations(), ports.spaces(), ports.transactions(), ports.clock());
        this.isolationSegmentAssignments = new IsolationSegmentAssignments(isolationSegmentRows,
                ports.organizations(), ports.spaces(), auditEvents, ports.transactions(), ports.clock());
        cleanups.add(new IsolationSegmentCleanup(isolationSegmentRows));
        var groupSettings = settings.securityGroups();
        this.securityGroups = new SecurityGroups(securityGroupRows, ports.spaces(), ports.organizations(),
                ports.transactions(), jobs, ports.clock(), ports.guids(),
                new SecurityGroupRules(groupSettings.enableIpv6(), groupSettings.commaDelimitedDestinations()));
        securityGroups.seed(groupSettings);
        cleanups.add(new SecurityGroupCleanup(securityGroupRows));
        jobHandlers.add(new SecurityGroupDeletion(securityGroupRows, ports.clock()));
        this.apps = new AppsAndProcesses(ports, auditEvents, featureFlags, metadataChanges, jobs, quotaScopes,
                quotaGuard);
        cleanups.add(apps.deletion);
        this.serviceUsageEvents = new dev.capi.domain.usage.ServiceUsageEvents(
                ports.more().get(dev.capi.domain.usage.ServiceUsageEventRepository.class), ports.transactions(),
                ports.clock(), ports.guids());
        this.appUsageEventQueries = new dev.capi.domain.usage.AppUsageEventQueries(
                ports.more().get(dev.capi.domain.usage.AppUsageEventRepository.class), ports.transactions(),
                ports.clock(), ports.guids());
        jobHandlers.add(apps.deletion);
        jobHandlers.add(apps.buildpackCaches);
        stacks.usedBy(apps.stackUsage());
        locks.lockableApps(apps.lockable());
        apps.apps.guardDeletes(locks::requireUnlocked);
        var routing = ports.more().get(RoutingPorts.class);
        var routingContext = new RoutingContext(routing.routes(), routing.destinations(), routing.domains(),
                ports.spaces(), ports.organizations(), ports.metadata(), metadataChanges, auditEvents, featureFlags,
                jobs, ports.transactions(), ports.clock(), ports.guids(), apps.routingView(), routing.routerGroups(),
                (org, space, reservesPort) -> quotaGuard.checkRoute(quotaScopes.forSpace(space.guid()), reservesPort),
                new java.security.SecureRandom());
        this.domains = new Domains(routing.domains(), ports.organizations(), routing.routes(), routing.routerGroups(),
                ports.transactions(), featureFlags, metadataChanges, jobs, ports.clock(), ports.guids(),
                org -> quotaGuard.checkPrivateDomains(quotaScopes.forOrganization(org.guid()), 1));
        domains.seedSharedDomain(settings.appsDomain());
        this.routes = new Routes(routingContext);
        apps.environment.routeUris(routes::uris);
        this.routeCreate = new RouteCreate(routingContext);
        this.routeDestinations = new RouteDestinations(routingContext, routes);
        this.routeRemoval = new RouteRemoval(routingContext);
        cleanups.add(routeRemoval);
        jobHandlers.add(routeRemoval.routeDeletion());
        jobHandlers.add(routeRemoval.unmappedDeletion());
        jobHandlers.add(routeRemoval.domainDeletion());
        apps.apps.onDelete(routeRemoval::deleteAppDestinations);
        var manifestRoutes = new dev.capi.domain.manifests.ManifestRoutes(routes, routeCreate, routeDestinations,
                domains, new java.security.SecureRandom());
        this.sidecars = new dev.capi.domain.sidecars.Sidecars(
                ports.more().get(dev.capi.domain.sidecars.SidecarRepository.class), apps.processRows, apps.access,
                ports.transactions(), ports.clock(), ports.guids());
        var manifestAppUpdate = new dev.capi.domain.manifests.ManifestAppUpdate(apps.apps, apps.processes,
                apps.processRows, apps.processCreate, apps.environment, manifestRoutes, sidecars);
        this.manifestApply = new dev.capi.domain.manifests.ManifestApply(ports.spaces(),
                new WritableSpaces(ports.organizations()), apps.apps, apps.events, jobs,
                ports.more().get(dev.capi.domain.manifests.ManifestStore.class), ports.transactions(),
                manifestAppUpdate, this::permissions);
        jobHandlers.add(manifestApply);
        this.packages = new dev.capi.domain.packages.Packages(
                ports.more().get(dev.capi.domain.packages.PackageRepository.class), apps.access, apps.events,
                ports.transactions(), jobs, ports.blobs(), featureFlags, metadataChanges, ports.clock(),
                ports.guids());
        jobHandlers.add(packages.deletion(ports.metadata()));
        this.resourcePool = new dev.capi.domain.packages.ResourcePool(ports.blobs());
        var dropletRows = ports.more().get(dev.capi.domain.droplets.DropletRepository.class);
        this.droplets = new dev.capi.domain.droplets.Droplets(dropletRows, apps.access, apps.appRows,
                apps.processRows, packages, apps.events, ports.transactions(), jobs, ports.blobs(), metadataChanges,
                ports.clock(), ports.guids());
        jobHandlers.addAll(droplets.jobHandlers(ports.metadata()));
        apps.currentDroplet.droplets(droplets.lookup());
        var contents = ports.more().find(dev.capi.domain.apps.AppContents.class)
                .orElse(dev.capi.domain.apps.AppContents.none());
        apps.apps.onDelete(appGuid -> {
            var keys = contents.blobKeys(appGuid);
            contents.deleteAll(appGuid);
            keys.forEach(ports.blobs()::delete);
        });
        var dropletLookup = droplets.lookup();
        apps.sync.commands((app, p) -> p.command() != null && !p.command().isEmpty() || app.dropletGuid() == null
                ? p.command() : dropletLookup.find(app.dropletGuid()).map(d -> d.processTypes().get(p.type()))
                .orElse(p.command()));
        this.builds = new dev.capi.domain.builds.Builds(
                ports.more().get(dev.capi.domain.builds.BuildRepository.class), dropletRows, packages, apps.access,
                apps.events, apps.usage, quotaScopes, quotaGuard, apps.sync.runtime(),
                ports.more().find(AppSettings.class).orElse(AppSettings.defaults()), metadataChanges,
                ports.transactions(), ports.clock(), ports.guids());
        builds.retention(droplets.retention()::expireOld);
        builds.stageAndStart((appGuid, dropletGuid, creator) -> apps.appRows.find(appGuid).ifPresent(app -> {
            var current = app.withDropletGuid(dropletGuid,
                    ports.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            apps.appRows.update(current);
            var existing = apps.processRows.forApp(appGuid).stream().map(dev.capi.model.AppProcess::type).toList();
            dropletLookup.find(dropletGuid).ifPresent(d -> d.processTypes().keySet().stream()
                    .filter(type -> !existing.contains(type)).sorted()
                    .forEach(type -> apps.processCreate.create(creator, current, type, null)));
            apps.states.startQuietly(current);
        }));
        this.tasks = new dev.capi.domain.tasks.Tasks(ports.more().get(dev.capi.domain.tasks.TaskRepository.class),
                apps.processRows, apps.access, apps.events, featureFlags, quotaScopes, quotaGuard,
                apps.sync.runtime(), ports.more().find(AppSettings.class).orElse(AppSettings.defaults()),
                metadataChanges, ports.transactions(), ports.clock(), ports.guids());
        tasks.droplets(dropletLookup);
        tasks.usage(apps.usage);
        this.revisions = new dev.capi.domain.revisions.Revisions(
                ports.more().get(dev.capi.domain.revisions.RevisionRepository.class), apps.access, metadataChanges,
                ports.transactions(), ports.clock(), ports.guids());
        this.deployments = new dev.capi.domain.deployments.Deployments(
                ports.more().get(dev.capi.domain.deployments.DeploymentRepository.class), apps.appRows,
                apps.processRows, apps.access, apps.events, revisions, apps.sync, jobs, metadataChanges,
                ports.transactions(), ports.clock(), ports.guids());
        deployments.droplets(dropletLookup);
        apps.states.onStart(app -> {
            var running = apps.processRows.forApp(app.guid());
            revisions.record(app, app.dropletGuid(), running.stream()
                    .filter(p -> p.command() != null && !p.command().isEmpty())
                    .collect(java.util.stream.Collectors.toMap(dev.capi.model.AppProcess::type,
                            dev.capi.model.AppProcess::command, (a, b) -> a)))
                    .ifPresent(revision -> running.stream()
                            .filter(p -> !revision.guid().equals(p.revisionGuid()))
                            .forEach(p -> apps.processRows.update(p.withRevision(revision.guid(),
                                    ports.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))));
        });
        jobHandlers.add(deployments);
        apps.currentDroplet.deploymentInProgress(deployments::inProgress);
        apps.processes.deploymentInProgress(deployments::inProgress);
        this.manifestSource = new dev.capi.domain.manifests.ManifestSource(apps.access, apps.processRows, routes,
                ports.transactions(), sidecars);
    }

    public dev.capi.domain.droplets.Droplets droplets() {
        return droplets;
    }

    public dev.capi.domain.revisions.Revisions revisions() {
        return revisions;
    }

    public dev.capi.domain.deployments.Deployments deployments() {
        return deployments;
    }

    public dev.capi.domain.sidecars.Sidecars sidecars() {
        return sidecars;
    }

    public dev.capi.domain.tasks.Tasks tasks() {
        return tasks;
    }

    public dev.capi.domain.builds.Builds builds() {
        return builds;
    }

    public dev.capi.domain.packages.Packages packages() {
        return packages;
    }

    public dev.capi.domain.packages.ResourcePool resourcePool() {
        return resourcePool;
    }

    public dev.capi.domain.manifests.ManifestSource manifestSource() {
        return manifestSource;
    }

    public dev.capi.domain.manifests.ManifestApply manifestApply() {
        return manifestApply;
    }

    public Ports ports() {
        return ports;
    }

    public Settings settings() {
        return settings;
    }

    /** The permissions of one request's principal (roles loaded lazily, once). */
    public Permissions permissions(Principal principal) {
        return new Permissions(principal, ports.roles());
    }

    public AuditEvents auditEvents() {
        return auditEvents;
    }

    public AuditEventQueries auditEventQueries() {
        return auditEventQueries;
    }

    public FeatureFlags featureFlags() {
        return featureFlags;
    }

    public Jobs jobs() {
        return jobs;
    }

    public UserRegistry userRegistry() {
        return userRegistry;
    }

    public Organizations organizations() {
        return organizations;
    }

    public Users users() {
        return users;
    }

    public UserCreate userCreate() {
        return userCreate;
    }

    public Roles roles() {
        return roles;
    }

    public RoleCreate roleCreate() {
        return roleCreate;
    }

    public dev.capi.domain.envgroups.EnvironmentVariableGroups environmentVariableGroups() {
        return environmentVariableGroups;
    }

    /** Reading and purging app usage events. */
    public dev.capi.domain.usage.ServiceUsageEvents serviceUsageEvents() {
        return serviceUsageEvents;
    }

    public dev.capi.domain.usage.AppUsageEventQueries appUsageEventQueries() {
        return appUsageEventQueries;
    }

    public Locks locks() {
        return locks;
    }

    public dev.capi.domain.buildpacks.Buildpacks buildpacks() {
        return buildpacks;
    }

    public dev.capi.domain.buildpacks.BuildpackCacheClearing buildpackCacheClearing() {
        return buildpackCacheClearing;
    }

    public Stacks stacks() {
        return stacks;
    }

    public RegistryCredentials registryCredentials() {
        return registryCredentials;
    }

    public Spaces spaces() {
        return spaces;
    }

    public OrganizationQuotas organizationQuotas() {
        return organizationQuotas;
    }

    public SpaceQuotas spaceQuotas() {
        return spaceQuotas;
    }

    public UsageSummaries usageSummaries() {
        return usageSummaries;
    }

    /** Loads the quotas and usage a change falls under, for {@link #quotaGuard()} (inside the change's transaction). */
    public QuotaScopes quotaScopes() {
        return quotaScopes;
    }

    /** Decides whether a change fits the organization's and the space's quotas. */
    public QuotaGuard quotaGuard() {
        return quotaGuard;
    }

    public IsolationSegments isolationSegments() {
        return isolationSegments;
    }

    public IsolationSegmentEntitlements isolationSegmentEntitlements() {
        return isolationSegmentEntitlements;
    }

    /** Organizations' default segments and spaces' segments. */
    public IsolationSegmentAssignments isolationSegmentAssignments() {
        return isolationSegmentAssignments;
    }

    public SecurityGroups securityGroups() {
        return securityGroups;
    }

    public Apps apps() {
        return apps.apps;
    }

    /** Start, stop, restart. */
    public AppStates appStates() {
        return apps.states;
    }

    public AppEnvironment appEnvironment() {
        return apps.environment;
    }

    public AppFeatures appFeatures() {
        return apps.features;
    }

    public CurrentDroplet currentDroplet() {
        return apps.currentDroplet;
    }

    public dev.capi.domain.apps.BuildpackCaches buildpackCaches() {
        return apps.buildpackCaches;
    }

    public Processes processes() {
        return apps.processes;
    }

    /** Writes app usage events (builds, tasks and processes report through it). */
    public AppUsageEvents appUsageEvents() {
        return apps.usage;
    }

    /** Tells the runtime what the processes should run. */
    public ProcessSync processSync() {
        return apps.sync;
    }

    /** The app and process checks other app sub-resources share (visible, role, writable). */
    public AppAccess appAccess() {
        return apps.access;
    }

    public Domains domains() {
        return domains;
    }

    public Routes routes() {
        return routes;
    }

    public RouteCreate routeCreate() {
        return routeCreate;
    }

    public RouteDestinations routeDestinations() {
        return routeDestinations;
    }

    /** Removes routes and domains with what hangs off them (also for an app's destinations when it is deleted). */
    public RouteRemoval routeRemoval() {
        return routeRemoval;
    }

    /** Handlers for every asynchronous job operation, for the job worker. */
    public List<JobHandler> jobHandlers() {
        return List.copyOf(jobHandlers);
    }

    /** The apps and processes use cases, built from their ports (repositories, runtime, droplet lookup). */
    private static final class AppsAndProcesses {
        final AppAccess access;
        final AppUsageEvents usage;
        final ProcessSync sync;
        final Apps apps;
        final AppStates states;
        final AppEnvironment environment;
        final AppFeatures features;
        final CurrentDroplet currentDroplet;
        final Processes processes;
        final AppDeletion deletion;
        final AppRepository appRows;
        final ProcessRepository processRows;
        final dev.capi.domain.apps.BuildpackCaches buildpackCaches;
        final ProcessCreate processCreate;
        final AppEvents events;

        AppsAndProcesses(Ports ports, AuditEvents auditEvents, FeatureFlags flags, MetadataChanges metadata,
                         Jobs jobs, QuotaScopes quotaScopes, QuotaGuard quotaGuard) {
            var more = ports.more();
            appRows = more.get(AppRepository.class);
            processRows = more.get(ProcessRepository.class);
            var settings = more.find(AppSettings.class).orElse(AppSettings.defaults());
            var runtime = more.find(Runtime.class).orElseGet(() -> new InProcessRuntime(ports.clock()));
            var tx = ports.transactions();
            var clock = ports.clock();
            events = new AppEvents(auditEvents);
            access = new AppAccess(appRows, ports.spaces(), new WritableSpaces(ports.organizations()));
            usage = new AppUsageEvents(more.get(AppUsageEventRepository.class), clock, ports.guids());
            sync = new ProcessSync(runtime, settings);
            processCreate = new ProcessCreate(processRows, events, settings, clock, ports.guids());
            apps = new Apps(appRows, ports.spaces(), ports.organizations(), more.get(StackRepository.class), access,
                    processCreate, tx, events, flags, metadata, jobs, settings, AppBuildpackValidator.over(
                    more.get(dev.capi.domain.buildpacks.BuildpackRepository.class)), clock, ports.guids());
            states = new AppStates(appRows, processRows, access, tx, events, usage, flags, quotaScopes, quotaGuard,
                    sync, clock, ports.guids());
            environment = new AppEnvironment(appRows, ports.organizations(), access, tx, events, flags, settings,
                    clock);
            sync.environment(environment::runtimeEnvironment);
            features = new AppFeatures(appRows, access, tx, settings, clock);
            currentDroplet = new CurrentDroplet(appRows, processRows, access, processCreate, tx, events, usage, sync,
                    more.find(DropletLookup.class).orElse(DropletLookup.none()), clock);
            processes = new Processes(processRows, appRows, access, tx, events, usage, flags, metadata, quotaScopes,
                    quotaGuard, sync, clock);
            buildpackCaches = new dev.capi.domain.apps.BuildpackCaches(access, tx, jobs, ports.blobs());
            deletion = new AppDeletion(appRows, processRows, ports.spaces(), ports.metadata(), usage, sync,
                    apps.cleanups());
        }

        dev.capi.domain.stacks.StackUsage stackUsage() {
            return appRows::anyOnStack;
        }

        /** Apps as routing sees them (space, docker or not, process types): two queries for any number of apps. */
        dev.capi.domain.routes.AppLookup routingView() {
            return guids -> {
                var found = appRows.findAll(guids);
                var types = processRows.forApps(found.stream().map(dev.capi.model.App::guid).toList()).stream()
                        .collect(java.util.stream.Collectors.groupingBy(dev.capi.model.AppProcess::appGuid,
                                java.util.stream.Collectors.mapping(dev.capi.model.AppProcess::type,
                                        java.util.stream.Collectors.toList())));
                return found.stream().map(a -> new dev.capi.domain.routes.AppLookup.App(a.guid(), a.name(),
                        a.spaceGuid(), a.lifecycle() != null && a.lifecycle().isDocker(),
                        types.getOrDefault(a.guid(), List.of()))).toList();
            };
        }

        dev.capi.domain.locks.LockableApps lockable() {
            return guid -> appRows.find(guid).map(a -> new dev.capi.domain.locks.LockableApps.LockableApp(
                    a.guid(), a.name(), a.spaceGuid(), a.organizationGuid()));
        }
    }
}
