package dev.capi.domain.assembly;

import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.buildpacks.BuildpackSettings;
import dev.capi.domain.envgroups.EnvironmentVariableGroupRepository;
import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.domain.quotas.QuotaUsageRepository;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.domain.ratelimit.RequestCounts;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.usage.ServiceInstanceSnapshots;
import dev.capi.domain.usage.ServiceUsageEventRepository;

/**
 * What the platform's administration needs: quotas, segments, security groups, stacks, buildpacks, the rate
 * limiter's request counters and the rest.
 */
public record PlatformPorts(OrganizationQuotaRepository organizationQuotas, SpaceQuotaRepository spaceQuotas,
                            QuotaUsageRepository quotaUsage, IsolationSegmentRepository isolationSegments,
                            SecurityGroupRepository securityGroups, StackRepository stacks,
                            BuildpackRepository buildpacks, BuildpackSettings buildpackSettings,
                            EnvironmentVariableGroupRepository environmentVariableGroups,
                            RegistryCredentialRepository registryCredentials, LockRepository locks,
                            ServiceUsageEventRepository serviceUsageEvents, RequestCounts requestCounts,
                            ServiceInstanceSnapshots serviceInstanceSnapshots) {

    /** Without service instances to reseed usage events from (their purge-and-reseed writes none). */
    public PlatformPorts(OrganizationQuotaRepository organizationQuotas, SpaceQuotaRepository spaceQuotas,
                         QuotaUsageRepository quotaUsage, IsolationSegmentRepository isolationSegments,
                         SecurityGroupRepository securityGroups, StackRepository stacks,
                         BuildpackRepository buildpacks, BuildpackSettings buildpackSettings,
                         EnvironmentVariableGroupRepository environmentVariableGroups,
                         RegistryCredentialRepository registryCredentials, LockRepository locks,
                         ServiceUsageEventRepository serviceUsageEvents, RequestCounts requestCounts) {
        this(organizationQuotas, spaceQuotas, quotaUsage, isolationSegments, securityGroups, stacks, buildpacks,
                buildpackSettings, environmentVariableGroups, registryCredentials, locks, serviceUsageEvents,
                requestCounts, ServiceInstanceSnapshots.none());
    }
}
