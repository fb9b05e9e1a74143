package dev.capi.domain.fakes;

import dev.capi.domain.Settings;
import dev.capi.domain.apps.AppContents;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.assembly.AppPorts;
import dev.capi.domain.assembly.CorePorts;
import dev.capi.domain.assembly.DomainAssembly;
import dev.capi.domain.assembly.DomainPorts;
import dev.capi.domain.assembly.ServiceInstancePorts;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.domain.serviceinstances.ServiceInstanceRepository;
import dev.capi.domain.assembly.LifecyclePorts;
import dev.capi.domain.assembly.OrgsAndSpacesPorts;
import dev.capi.domain.assembly.PlatformPorts;
import dev.capi.domain.assembly.ServiceCatalogPorts;
import dev.capi.domain.assembly.ServiceBindingPorts;
import dev.capi.domain.buildpacks.BuildpackSettings;
import dev.capi.domain.runtime.InProcessRuntime;
import dev.capi.domain.deployments.DeploymentRepository;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.envgroups.EnvironmentVariableGroupRepository;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.manifests.ManifestStore;
import dev.capi.domain.ratelimit.RequestCounts;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.domain.revisions.RevisionRepository;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.domain.sidecars.SidecarRepository;
import dev.capi.domain.usage.ServiceUsageEventRepository;
import dev.capi.domain.users.UserDirectory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole domain ({@link DomainAssembly}) assembled on in-memory ports, for adapter tests that need real use cases
 * without a database: the rows are public so that a test can seed and inspect them. Ports no such test reaches yet
 * (registry credentials, locks, environment variable groups, service usage, sidecars, manifests, revisions,
 * deployments) are {@link UnusedPort}s: a call fails loudly.
 */
public final class InMemoryDomain {
    public final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong ids = new AtomicLong(1000);
    public final ImmediateTransactions transactions = new ImmediateTransactions();
    public final InMemoryMetadata metadata = new InMemoryMetadata();
    public final InMemoryOrganizations organizations = new InMemoryOrganizations();
    public final InMemorySpaces spaces = new InMemorySpaces();
    public final FixedRoles roles = new FixedRoles();
    public final InMemoryUserRepository users = new InMemoryUserRepository(new InMemoryRoleRepository());
    public final InMemoryAuditEventLog auditEvents = new InMemoryAuditEventLog();
    public final InMemoryJobs jobs = new InMemoryJobs();
    public final InMemoryFeatureFlags featureFlags = new InMemoryFeatureFlags();
    public final InMemoryBlobStore blobs = new InMemoryBlobStore();
    public final InMemoryApps apps = new InMemoryApps();
    public final InMemoryProcesses processes = new InMemoryProcesses();
    public final InMemoryPackages packages = new InMemoryPackages();
    public final InMemoryDroplets droplets = new InMemoryDroplets();
    public final InMemoryBuilds builds = new InMemoryBuilds();
    public final InMemoryTasks tasks = new InMemoryTasks();
    public final InMemoryBuildpacks buildpacks = new InMemoryBuildpacks();
    public final InMemoryStacks stacks = new InMemoryStacks();
    public final InMemorySecurityGroups securityGroups = new InMemorySecurityGroups();
    public final InMemoryAppUsageEvents appUsageEvents = new InMemoryAppUsageEvents();
    public final InMemoryDomains domainRows = new InMemoryDomains();
    public final InMemoryRouteDestinations routeDestinations = new InMemoryRouteDestinations();
    public final InMemoryRoutes routes = new InMemoryRoutes(domainRows, spaces, routeDestinations);
    public final InMemoryServiceCatalog serviceCatalog = new InMemoryServiceCatalog(roles::forUser);
    public final FakeBrokerClient brokerClient = new FakeBrokerClient();
    public final InMemoryServiceBindings serviceBindings = new InMemoryServiceBindings();
    public final DomainAssembly services;

    public InMemoryDomain() {
        var core = new CorePorts(transactions, clock, this::nextGuid, metadata, auditEvents, jobs, featureFlags, blobs);
        var tenancy = new OrgsAndSpacesPorts(organizations, spaces, users, roles, UserDirectory.none());
        var platform = new PlatformPorts(new InMemoryOrganizationQuotas(organizations, roles),
                new InMemorySpaceQuotas(spaces, roles), new FixedUsage(),
                new InMemoryIsolationSegments(organizations, spaces), securityGroups, stacks, buildpacks,
                BuildpackSettings.defaults(), UnusedPort.of(EnvironmentVariableGroupRepository.class),
                UnusedPort.of(RegistryCredentialRepository.class), UnusedPort.of(LockRepository.class),
                UnusedPort.of(ServiceUsageEventRepository.class), UnusedPort.of(RequestCounts.class));
        var routing = new RoutingPorts(domainRows, routes, routeDestinations, RouterGroups.builtIn());
        var appPorts = new AppPorts(apps, processes, appUsageEvents, AppContents.none(), new InProcessRuntime(clock),
                AppSettings.defaults());
        var lifecycle = new LifecyclePorts(packages, droplets, builds, tasks, UnusedPort.of(SidecarRepository.class),
                UnusedPort.of(RevisionRepository.class), UnusedPort.of(DeploymentRepository.class),
                UnusedPort.of(ManifestStore.class));
        var catalog = new ServiceCatalogPorts(serviceCatalog.brokers, serviceCatalog.offerings, serviceCatalog.plans,
                serviceCatalog.definitions, brokerClient);
        var serviceInstances = new ServiceInstancePorts(UnusedPort.of(ServiceInstanceRepository.class),
                UnusedPort.of(OfferedPlans.class), UnusedPort.of(ServiceBrokerClient.class),
                dev.capi.domain.osbapi.BrokerSettings.defaults());
        var bindingPorts = new ServiceBindingPorts(serviceBindings.credentials, serviceBindings.routes,
                serviceBindings.instances, serviceBindings.boundServices, serviceBindings.syslogDrains, brokerClient,
                dev.capi.domain.osbapi.BrokerSettings.defaults(), true);
        this.services = DomainAssembly.assemble(new DomainPorts(core, tenancy, platform, routing, appPorts,
                lifecycle, catalog, serviceInstances, bindingPorts), Settings.defaults());
    }

    /** Deterministic guids: {@code 00000000-0000-0000-0000-0000000003e9}, ... */
    public String nextGuid() {
        return new UUID(0, ids.incrementAndGet()).toString();
    }
}
