package dev.capi.domain.assembly;

import dev.capi.domain.Settings;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.LockableAppView;
import dev.capi.domain.buildpacks.BuildpackCacheClearing;
import dev.capi.domain.buildpacks.Buildpacks;
import dev.capi.domain.envgroups.EnvironmentVariableGroups;
import dev.capi.domain.isolationsegments.IsolationSegmentAssignments;
import dev.capi.domain.isolationsegments.IsolationSegmentCleanup;
import dev.capi.domain.isolationsegments.IsolationSegmentEntitlements;
import dev.capi.domain.isolationsegments.IsolationSegments;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.locks.Locks;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.quotas.OrganizationQuotaDeletion;
import dev.capi.domain.quotas.OrganizationQuotas;
import dev.capi.domain.quotas.QuotaCleanup;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.quotas.SpaceQuotaDeletion;
import dev.capi.domain.quotas.SpaceQuotas;
import dev.capi.domain.quotas.UsageSummaries;
import dev.capi.domain.registrycredentials.RegistryCredentials;
import dev.capi.domain.securitygroups.SecurityGroupCleanup;
import dev.capi.domain.securitygroups.SecurityGroupDeletion;
import dev.capi.domain.securitygroups.SecurityGroupRules;
import dev.capi.domain.securitygroups.SecurityGroups;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.stacks.Stacks;
import dev.capi.domain.usage.ServiceUsageEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's administration: quotas (and the guard every change is checked against), isolation segments,
 * security groups, stacks, buildpacks, environment variable groups, registry credentials, locks, service usage.
 * Seeds the configured quotas and security groups.
 */
public record Platform(OrganizationQuotas organizationQuotas, SpaceQuotas spaceQuotas, UsageSummaries usageSummaries,
                       QuotaScopes quotaScopes, QuotaGuard quotaGuard, IsolationSegments isolationSegments,
                       IsolationSegmentEntitlements isolationSegmentEntitlements,
                       IsolationSegmentAssignments isolationSegmentAssignments, SecurityGroups securityGroups,
                       Stacks stacks, Buildpacks buildpacks, BuildpackCacheClearing buildpackCacheClearing,
                       EnvironmentVariableGroups environmentVariableGroups, RegistryCredentials registryCredentials,
                       Locks locks, ServiceUsageEvents serviceUsageEvents, List<JobHandler> jobHandlers,
                       List<OrganizationCleanup> cleanups) {

    public static Platform assemble(CorePorts core, OrgsAndSpacesPorts tenancy, PlatformPorts ports,
                                    AppRepository apps, Foundation foundation, Settings settings) {
        var tx = core.transactions();
        var clock = core.clock();
        var guids = core.guids();
        var audit = foundation.auditEvents();
        var metadata = foundation.metadataChanges();
        var jobs = foundation.jobs();
        List<JobHandler> handlers = new ArrayList<>();
        List<OrganizationCleanup> cleanups = new ArrayList<>();

        var organizationQuotas = new OrganizationQuotas(ports.organizationQuotas(), tenancy.organizations(),
                ports.quotaUsage(), tx, audit, jobs, clock, guids);
        organizationQuotas.seed(settings.quotaDefinitions());
        var spaceQuotas = new SpaceQuotas(ports.spaceQuotas(), tenancy.organizations(), tenancy.spaces(),
                ports.organizationQuotas(), ports.quotaUsage(), tx, audit, jobs, clock, guids);
        var quotaScopes = new QuotaScopes(tenancy.organizations(), tenancy.spaces(), ports.organizationQuotas(),
                ports.spaceQuotas(), ports.quotaUsage());
        cleanups.add(new QuotaCleanup(ports.spaceQuotas()));
        handlers.add(new OrganizationQuotaDeletion(ports.organizationQuotas()));
        handlers.add(new SpaceQuotaDeletion(ports.spaceQuotas()));

        var segments = new IsolationSegments(ports.isolationSegments(), core.metadata(), tx, metadata, clock, guids);
        var entitlements = new IsolationSegmentEntitlements(ports.isolationSegments(), segments,
                tenancy.organizations(), tenancy.spaces(), tx, clock);
        var assignments = new IsolationSegmentAssignments(ports.isolationSegments(), tenancy.organizations(),
                tenancy.spaces(), audit, tx, clock);
        cleanups.add(new IsolationSegmentCleanup(ports.isolationSegments()));

        var groupSettings = settings.securityGroups();
        var securityGroups = new SecurityGroups(ports.securityGroups(), tenancy.spaces(), tenancy.organizations(), tx,
                jobs, clock, guids, new SecurityGroupRules(groupSettings.enableIpv6(),
                groupSettings.commaDelimitedDestinations()));
        securityGroups.seed(groupSettings);
        cleanups.add(new SecurityGroupCleanup(ports.securityGroups()));
        handlers.add(new SecurityGroupDeletion(ports.securityGroups(), clock));

        var stacks = new Stacks(ports.stacks(), tx, audit, metadata, clock, guids, apps::anyOnStack);
        var buildpacks = new Buildpacks(ports.buildpacks(), ports.stacks(), tx, audit, metadata, jobs, core.blobs(),
                clock, guids, ports.buildpackSettings());
        handlers.addAll(buildpacks.jobHandlers(core.metadata()));
        var cacheClearing = new BuildpackCacheClearing(tx, jobs, core.blobs());
        handlers.add(cacheClearing);

        var registryCredentials = new RegistryCredentials(ports.registryCredentials(), tenancy.organizations(),
                tenancy.spaces(), tx, metadata, clock, guids);
        cleanups.add(registryCredentials);
        var locks = new Locks(ports.locks(), tenancy.spaces(), new WritableSpaces(tenancy.organizations()), tx,
                metadata, jobs, clock, guids, new LockableAppView(apps));
        cleanups.add(locks);
        handlers.add(locks.deletion());

        return new Platform(organizationQuotas, spaceQuotas,
                new UsageSummaries(tenancy.organizations(), tenancy.spaces(), ports.quotaUsage(), tx), quotaScopes, new QuotaGuard(),
                segments, entitlements, assignments, securityGroups, stacks, buildpacks, cacheClearing,
                new EnvironmentVariableGroups(ports.environmentVariableGroups(), tx, clock), registryCredentials,
                locks, new ServiceUsageEvents(ports.serviceUsageEvents(), tx, clock, guids,
                ports.serviceInstanceSnapshots()), List.copyOf(handlers), List.copyOf(cleanups));
    }
}
