package dev.capi.domain.assembly;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.serviceinstances.BrokerOperations;
import dev.capi.domain.serviceinstances.InstanceBindings;
import dev.capi.domain.serviceinstances.ManagedInstances;
import dev.capi.domain.serviceinstances.ServiceInstanceBackups;
import dev.capi.domain.serviceinstances.ServiceInstanceAccess;
import dev.capi.domain.serviceinstances.ServiceInstanceCleanup;
import dev.capi.domain.serviceinstances.ServiceInstanceContext;
import dev.capi.domain.serviceinstances.ServiceInstanceEvents;
import dev.capi.domain.serviceinstances.ServiceInstanceJobs;
import dev.capi.domain.serviceinstances.ServiceInstancePoller;
import dev.capi.domain.serviceinstances.ServiceInstanceSharing;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.domain.serviceinstances.UserProvidedInstances;

import java.util.List;

/**
 * Service instances: user-provided and managed (their create, update and delete jobs and the poller that follows
 * asynchronous broker operations), sharing, and what a deleted space takes with it.
 */
public record ServiceInstancesArea(ServiceInstances serviceInstances, UserProvidedInstances userProvided,
                                   ManagedInstances managed, ServiceInstanceSharing sharing,
                                   ServiceInstanceBackups backups,
                                   ServiceInstancePoller poller, List<JobHandler> jobHandlers,
                                   OrganizationCleanup cleanup) {

    public static ServiceInstancesArea assemble(CorePorts core, OrgsAndSpacesPorts tenancy,
                                                ServiceInstancePorts ports, Foundation foundation,
                                                Platform platform, InstanceBindings bindings) {
        var ctx = new ServiceInstanceContext(ports.instances(), ports.plans(), ports.brokers(), tenancy.spaces(),
                tenancy.organizations(), foundation.metadataChanges(), foundation.auditEvents(),
                platform.serviceUsageEvents(), foundation.featureFlags(), foundation.jobs(), platform.quotaGuard(),
                platform.quotaScopes(), core.transactions(), core.clock(), core.guids(), ports.polling());
        var access = new ServiceInstanceAccess(ports.instances(), tenancy.spaces(), tenancy.organizations());
        var events = new ServiceInstanceEvents(foundation.auditEvents(), platform.serviceUsageEvents(),
                tenancy.organizations(), ports.plans());
        var userProvided = new UserProvidedInstances(ctx, access, events);
        var managed = new ManagedInstances(ctx, userProvided, events);
        var operations = new BrokerOperations(ctx, events, bindings);
        return new ServiceInstancesArea(new ServiceInstances(ctx, access, userProvided, managed, events),
                userProvided, managed, new ServiceInstanceSharing(ctx, access), new ServiceInstanceBackups(ctx, access),
                new ServiceInstancePoller(ctx, operations.polling()), ServiceInstanceJobs.handlers(operations),
                new ServiceInstanceCleanup(ports.instances(), tenancy.spaces(), events, operations));
    }
}
