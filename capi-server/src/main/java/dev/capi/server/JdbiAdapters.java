package dev.capi.server;

import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.assembly.AppPorts;
import dev.capi.domain.assembly.CorePorts;
import dev.capi.domain.assembly.DomainPorts;
import dev.capi.domain.assembly.LifecyclePorts;
import dev.capi.domain.assembly.OrgsAndSpacesPorts;
import dev.capi.domain.assembly.PlatformPorts;
import dev.capi.domain.assembly.ServiceCatalogPorts;
import dev.capi.domain.assembly.ServiceBindingPorts;
import dev.capi.domain.blobs.BlobOwners;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.buildpacks.BuildpackSettings;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.assembly.ServiceInstancePorts;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.persistence.serviceinstances.JdbiOfferedPlans;
import dev.capi.persistence.serviceinstances.JdbiServiceInstanceRepository;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserDirectory;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.persistence.Database;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.apps.JdbiAppContents;
import dev.capi.persistence.apps.JdbiAppRepository;
import dev.capi.persistence.blobs.JdbiBlobOwners;
import dev.capi.persistence.buildpacks.JdbiBuildpackRepository;
import dev.capi.persistence.builds.JdbiBuildRepository;
import dev.capi.persistence.deployments.JdbiDeploymentRepository;
import dev.capi.persistence.domains.JdbiDomainRepository;
import dev.capi.persistence.droplets.JdbiDropletRepository;
import dev.capi.persistence.envgroups.JdbiEnvironmentVariableGroupRepository;
import dev.capi.persistence.events.JdbiAuditEventRepository;
import dev.capi.persistence.featureflags.JdbiFeatureFlagRepository;
import dev.capi.persistence.isolationsegments.JdbiIsolationSegmentRepository;
import dev.capi.persistence.jobs.JdbiJobRepository;
import dev.capi.persistence.locks.JdbiLockRepository;
import dev.capi.persistence.manifests.JdbiManifestStore;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.packages.JdbiPackageRepository;
import dev.capi.persistence.processes.JdbiProcessRepository;
import dev.capi.persistence.quotas.JdbiOrganizationQuotaRepository;
import dev.capi.persistence.quotas.JdbiQuotaUsageRepository;
import dev.capi.persistence.quotas.JdbiSpaceQuotaRepository;
import dev.capi.persistence.ratelimit.JdbiRequestCounts;
import dev.capi.persistence.registrycredentials.JdbiRegistryCredentialRepository;
import dev.capi.persistence.revisions.JdbiRevisionRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.routes.JdbiRouteDestinationRepository;
import dev.capi.persistence.routes.JdbiRouteRepository;
import dev.capi.persistence.securitygroups.JdbiSecurityGroupRepository;
import dev.capi.persistence.servicebrokers.JdbiServiceBrokerRepository;
import dev.capi.persistence.serviceofferings.JdbiServiceOfferingRepository;
import dev.capi.persistence.serviceplandefinitions.JdbiServicePlanDefinitionRepository;
import dev.capi.persistence.serviceplans.JdbiServicePlanRepository;
import dev.capi.persistence.servicebindings.JdbiAppBoundServices;
import dev.capi.persistence.servicebindings.JdbiBindableInstances;
import dev.capi.persistence.servicebindings.JdbiCredentialBindingRepository;
import dev.capi.persistence.servicebindings.JdbiRouteBindingRepository;
import dev.capi.persistence.servicebindings.JdbiSyslogDrains;
import dev.capi.persistence.sidecars.JdbiSidecarRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import dev.capi.persistence.stacks.JdbiStackRepository;
import dev.capi.persistence.tasks.JdbiTaskRepository;
import dev.capi.persistence.usage.JdbiAppUsageEventRepository;
import dev.capi.persistence.usage.JdbiServiceUsageEventRepository;
import dev.capi.persistence.users.JdbiUserRepository;

import java.time.Clock;

/** The adapter choice for every table-backed port: the Jdbi repositories of one database, area by area. */
final class JdbiAdapters {
    private JdbiAdapters() {
    }

    /** What the domain needs besides the database: bits, time, ids, identity, routing tier, runtime, settings. */
    record Outside(BlobStore blobs, Clock clock, Guids guids, UserDirectory userDirectory, RouterGroups routerGroups,
                   Runtime runtime, AppSettings appSettings, BuildpackSettings buildpackSettings,
                   String defaultQuotaName, ServiceBrokerClient brokerClient, BrokerSettings brokerSettings) {
    }

    /** The domain's ports on {@code database}; {@code wakeUp} is signalled when a job enqueued here commits. */
    static DomainPorts ports(Database database, Outside outside, JobWakeUp wakeUp) {
        var jdbi = database.jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        var core = new CorePorts(new JdbiTransactions(jdbi), outside.clock(), outside.guids(), metadata,
                new JdbiAuditEventRepository(jdbi), new JdbiJobRepository(database, wakeUp::signal), new JdbiFeatureFlagRepository(jdbi),
                outside.blobs());
        var tenancy = new OrgsAndSpacesPorts(
                new JdbiOrganizationRepository(jdbi, metadata, outside.defaultQuotaName()),
                new JdbiSpaceRepository(jdbi, metadata), new JdbiUserRepository(jdbi, metadata),
                new JdbiRoleRepository(jdbi), outside.userDirectory());
        var serviceInstanceRows = new JdbiServiceInstanceRepository(jdbi, metadata,
                new JdbiSpaceRepository(jdbi, metadata));
        var platform = new PlatformPorts(new JdbiOrganizationQuotaRepository(jdbi), new JdbiSpaceQuotaRepository(jdbi),
                new JdbiQuotaUsageRepository(jdbi), new JdbiIsolationSegmentRepository(jdbi, metadata),
                new JdbiSecurityGroupRepository(jdbi), new JdbiStackRepository(jdbi, metadata),
                new JdbiBuildpackRepository(jdbi, metadata), outside.buildpackSettings(),
                new JdbiEnvironmentVariableGroupRepository(jdbi), new JdbiRegistryCredentialRepository(jdbi, metadata),
                new JdbiLockRepository(jdbi, metadata), new JdbiServiceUsageEventRepository(jdbi),
                new JdbiRequestCounts(jdbi), serviceInstanceRows::snapshots);
        var routing = new RoutingPorts(new JdbiDomainRepository(jdbi, metadata), new JdbiRouteRepository(jdbi, metadata),
                new JdbiRouteDestinationRepository(jdbi), outside.routerGroups());
        var apps = new AppPorts(new JdbiAppRepository(jdbi, metadata), new JdbiProcessRepository(jdbi, metadata),
                new JdbiAppUsageEventRepository(jdbi), new JdbiAppContents(jdbi), outside.runtime(),
                outside.appSettings());
        var lifecycle = new LifecyclePorts(new JdbiPackageRepository(jdbi, metadata),
                new JdbiDropletRepository(jdbi, metadata), new JdbiBuildRepository(jdbi, metadata),
                new JdbiTaskRepository(jdbi, metadata), new JdbiSidecarRepository(jdbi),
                new JdbiRevisionRepository(jdbi, metadata), new JdbiDeploymentRepository(jdbi, metadata),
                new JdbiManifestStore(jdbi));
        var serviceCatalog = new ServiceCatalogPorts(new JdbiServiceBrokerRepository(jdbi, metadata),
                new JdbiServiceOfferingRepository(jdbi, metadata), new JdbiServicePlanRepository(jdbi, metadata),
                new JdbiServicePlanDefinitionRepository(jdbi),
                outside.brokerClient());
        var serviceInstances = new ServiceInstancePorts(serviceInstanceRows, new JdbiOfferedPlans(jdbi),
                outside.brokerClient(), outside.brokerSettings());
        var serviceBindings = new ServiceBindingPorts(new JdbiCredentialBindingRepository(jdbi, metadata),
                new JdbiRouteBindingRepository(jdbi, metadata), new JdbiBindableInstances(jdbi),
                new JdbiAppBoundServices(jdbi), new JdbiSyslogDrains(jdbi), outside.brokerClient(),
                outside.brokerSettings(), true);
        return new DomainPorts(core, tenancy, platform, routing, apps, lifecycle, serviceCatalog, serviceInstances,
                serviceBindings);
    }

    /** What the local runtime reads bits through: package, droplet and buildpack rows, and the blobstore. */
    static dev.capi.server.runtime.local.RuntimeBits runtimeBits(Database database, BlobStore blobs) {
        var jdbi = database.jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        return new dev.capi.server.runtime.local.RuntimeBits(blobs, new JdbiPackageRepository(jdbi, metadata),
                new JdbiDropletRepository(jdbi, metadata), new JdbiBuildpackRepository(jdbi, metadata));
    }

    /** Which rows own blobs, for the orphan blob sweeper. */
    static BlobOwners blobOwners(Database database) {
        return new JdbiBlobOwners(database.jdbi());
    }
}
