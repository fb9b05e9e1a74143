package dev.capi.domain.fakes;

import dev.capi.domain.DomainServices;
import dev.capi.domain.Ports;
import dev.capi.domain.Repositories;
import dev.capi.domain.Settings;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.builds.BuildRepository;
import dev.capi.domain.deployments.DeploymentRepository;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.envgroups.EnvironmentVariableGroupRepository;
import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.manifests.ManifestStore;
import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.processes.ProcessRepository;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.domain.quotas.QuotaUsageRepository;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.domain.revisions.RevisionRepository;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.domain.sidecars.SidecarRepository;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.tasks.TaskRepository;
import dev.capi.domain.usage.AppUsageEventRepository;
import dev.capi.domain.usage.ServiceUsageEventRepository;
import dev.capi.domain.users.UserDirectory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole domain ({@link DomainServices}) assembled on in-memory ports, for adapter tests that need real use cases
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
    public final DomainServices services;

    public InMemoryDomain() {
        Repositories more = new Repositories()
                .with(AppRepository.class, apps)
                .with(ProcessRepository.class, processes)
                .with(PackageRepository.class, packages)
                .with(DropletRepository.class, droplets)
                .with(BuildRepository.class, builds)
                .with(TaskRepository.class, tasks)
                .with(BuildpackRepository.class, buildpacks)
                .with(StackRepository.class, stacks)
                .with(SecurityGroupRepository.class, securityGroups)
                .with(AppUsageEventRepository.class, appUsageEvents)
                .with(OrganizationQuotaRepository.class, new InMemoryOrganizationQuotas(organizations, roles))
                .with(SpaceQuotaRepository.class, new InMemorySpaceQuotas(spaces, roles))
                .with(QuotaUsageRepository.class, new FixedUsage())
                .with(IsolationSegmentRepository.class, new InMemoryIsolationSegments(organizations, spaces))
                .with(RoutingPorts.class, new RoutingPorts(domainRows, routes, routeDestinations,
                        RouterGroups.builtIn()))
                .with(RegistryCredentialRepository.class, UnusedPort.of(RegistryCredentialRepository.class))
                .with(LockRepository.class, UnusedPort.of(LockRepository.class))
                .with(EnvironmentVariableGroupRepository.class, UnusedPort.of(EnvironmentVariableGroupRepository.class))
                .with(ServiceUsageEventRepository.class, UnusedPort.of(ServiceUsageEventRepository.class))
                .with(SidecarRepository.class, UnusedPort.of(SidecarRepository.class))
                .with(ManifestStore.class, UnusedPort.of(ManifestStore.class))
                .with(RevisionRepository.class, UnusedPort.of(RevisionRepository.class))
                .with(DeploymentRepository.class, UnusedPort.of(DeploymentRepository.class));
        Ports ports = new Ports(transactions, clock, this::nextGuid, metadata, organizations, spaces, users, roles,
                auditEvents, jobs, featureFlags, blobs, UserDirectory.none(), more);
        this.services = new DomainServices(ports, Settings.defaults());
    }

    /** Deterministic guids: {@code 00000000-0000-0000-0000-0000000003e9}, ... */
    public String nextGuid() {
        return new UUID(0, ids.incrementAndGet()).toString();
    }
}
