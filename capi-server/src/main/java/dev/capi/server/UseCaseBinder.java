package dev.capi.server;

import dev.capi.domain.assembly.DomainAssembly;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

import java.time.Clock;

/** Binds every use case by its type, so that each JAX-RS resource's constructor names the ones it calls. */
final class UseCaseBinder extends AbstractBinder {
    private final DomainAssembly domain;
    private final Clock clock;

    UseCaseBinder(DomainAssembly domain, Clock clock) {
        this.domain = domain;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(clock).to(Clock.class);
        var f = domain.foundation();
        bind(f.auditEventQueries()).to(dev.capi.domain.events.AuditEventQueries.class);
        bind(f.featureFlags()).to(dev.capi.domain.featureflags.FeatureFlags.class);
        bind(f.jobs()).to(dev.capi.domain.jobs.Jobs.class);
        var o = domain.orgsAndSpaces();
        bind(o.permissions()).to(dev.capi.domain.auth.PermissionsFactory.class);
        bind(o.userRegistry()).to(dev.capi.domain.users.UserRegistry.class);
        bind(o.organizations()).to(dev.capi.domain.organizations.Organizations.class);
        bind(o.users()).to(dev.capi.domain.users.Users.class);
        bind(o.userCreate()).to(dev.capi.domain.users.UserCreate.class);
        bind(o.roles()).to(dev.capi.domain.roles.Roles.class);
        bind(o.roleCreate()).to(dev.capi.domain.roles.RoleCreate.class);
        bind(o.spaces()).to(dev.capi.domain.spaces.Spaces.class);
        var p = domain.platform();
        bind(p.organizationQuotas()).to(dev.capi.domain.quotas.OrganizationQuotas.class);
        bind(p.spaceQuotas()).to(dev.capi.domain.quotas.SpaceQuotas.class);
        bind(p.usageSummaries()).to(dev.capi.domain.quotas.UsageSummaries.class);
        bind(p.isolationSegments()).to(dev.capi.domain.isolationsegments.IsolationSegments.class);
        bind(p.isolationSegmentEntitlements())
                .to(dev.capi.domain.isolationsegments.IsolationSegmentEntitlements.class);
        bind(p.isolationSegmentAssignments()).to(dev.capi.domain.isolationsegments.IsolationSegmentAssignments.class);
        bind(p.securityGroups()).to(dev.capi.domain.securitygroups.SecurityGroups.class);
        bind(p.stacks()).to(dev.capi.domain.stacks.Stacks.class);
        bind(p.buildpacks()).to(dev.capi.domain.buildpacks.Buildpacks.class);
        bind(p.buildpackCacheClearing()).to(dev.capi.domain.buildpacks.BuildpackCacheClearing.class);
        bind(p.environmentVariableGroups()).to(dev.capi.domain.envgroups.EnvironmentVariableGroups.class);
        bind(p.registryCredentials()).to(dev.capi.domain.registrycredentials.RegistryCredentials.class);
        bind(p.locks()).to(dev.capi.domain.locks.Locks.class);
        bind(p.serviceUsageEvents()).to(dev.capi.domain.usage.ServiceUsageEvents.class);
        var r = domain.routing();
        bind(r.domains()).to(dev.capi.domain.domains.Domains.class);
        bind(r.routes()).to(dev.capi.domain.routes.Routes.class);
        bind(r.routeCreate()).to(dev.capi.domain.routes.RouteCreate.class);
        bind(r.routeDestinations()).to(dev.capi.domain.routes.RouteDestinations.class);
        var a = domain.apps();
        bind(a.apps()).to(dev.capi.domain.apps.Apps.class);
        bind(a.states()).to(dev.capi.domain.apps.AppStates.class);
        bind(a.environment()).to(dev.capi.domain.apps.AppEnvironment.class);
        bind(a.features()).to(dev.capi.domain.apps.AppFeatures.class);
        bind(a.currentDroplet()).to(dev.capi.domain.apps.CurrentDroplet.class);
        bind(a.processes()).to(dev.capi.domain.processes.Processes.class);
        bind(a.crashes()).to(dev.capi.domain.processes.ProcessCrashes.class);
        bind(a.buildpackCaches()).to(dev.capi.domain.apps.BuildpackCaches.class);
        bind(a.usageQueries()).to(dev.capi.domain.usage.AppUsageEventQueries.class);
        bind(a.revisions()).to(dev.capi.domain.revisions.Revisions.class);
        var catalog = domain.serviceCatalog();
        bind(catalog.brokers()).to(dev.capi.domain.servicebrokers.ServiceBrokers.class);
        bind(catalog.offerings()).to(dev.capi.domain.serviceofferings.ServiceOfferings.class);
        bind(catalog.plans()).to(dev.capi.domain.serviceplans.ServicePlans.class);
        bind(catalog.visibilities()).to(dev.capi.domain.serviceplans.ServicePlanVisibilities.class);
        bind(catalog.planDefinitionSchemas()).to(dev.capi.domain.serviceplandefinitions.PlanDefinitionSchemas.class);
        bind(catalog.planDefinitions()).to(dev.capi.domain.serviceplandefinitions.PlanDefinitions.class);
        bind(catalog.planCreate()).to(dev.capi.domain.serviceplandefinitions.ServicePlanCreate.class);
        var l = domain.lifecycle();
        bind(l.packages()).to(dev.capi.domain.packages.Packages.class);
        bind(l.resourcePool()).to(dev.capi.domain.packages.ResourcePool.class);
        bind(l.droplets()).to(dev.capi.domain.droplets.Droplets.class);
        bind(l.builds()).to(dev.capi.domain.builds.Builds.class);
        bind(l.tasks()).to(dev.capi.domain.tasks.Tasks.class);
        bind(l.sidecars()).to(dev.capi.domain.sidecars.Sidecars.class);
        bind(l.deployments()).to(dev.capi.domain.deployments.Deployments.class);
        bind(l.manifestApply()).to(dev.capi.domain.manifests.ManifestApply.class);
        bind(l.manifestSource()).to(dev.capi.domain.manifests.ManifestSource.class);
        var si = domain.serviceInstances();
        bind(si.serviceInstances()).to(dev.capi.domain.serviceinstances.ServiceInstances.class);
        bind(si.userProvided()).to(dev.capi.domain.serviceinstances.UserProvidedInstances.class);
        bind(si.managed()).to(dev.capi.domain.serviceinstances.ManagedInstances.class);
        bind(si.sharing()).to(dev.capi.domain.serviceinstances.ServiceInstanceSharing.class);
        bind(si.backups()).to(dev.capi.domain.serviceinstances.ServiceInstanceBackups.class);
        var sb = domain.serviceBindings();
        bind(sb.credentialBindings()).to(dev.capi.domain.servicebindings.CredentialBindings.class);
        bind(sb.credentialBindingCreate()).to(dev.capi.domain.servicebindings.CredentialBindingCreate.class);
        bind(sb.routeBindings()).to(dev.capi.domain.servicebindings.RouteBindings.class);
        bind(sb.syslogDrains()).to(dev.capi.domain.servicebindings.SyslogDrainList.class);
    }
}
