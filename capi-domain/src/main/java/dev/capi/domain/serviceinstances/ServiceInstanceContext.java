package dev.capi.domain.serviceinstances;

import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.usage.ServiceUsageEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the service instance use cases share: their ports, the foundation's rules, time and the poll settings. */
public record ServiceInstanceContext(ServiceInstanceRepository instances, OfferedPlans plans,
                                     ServiceBrokerClient brokers, SpaceRepository spaces,
                                     OrganizationRepository organizations, MetadataChanges metadata,
                                     AuditEvents audit, ServiceUsageEvents usage, FeatureFlags flags, Jobs jobs,
                                     QuotaGuard quotaGuard, QuotaScopes quotaScopes, Transactions tx, Clock clock,
                                     Guids guids, BrokerSettings polling) {

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** How long to poll for a plan: its maximum_polling_duration (seconds) when shorter than the default. */
    public Duration maximumPolling(Integer planSeconds) {
        Duration fallback = polling.maximumPollingDuration();
        if (planSeconds != null && planSeconds > 0 && Duration.ofSeconds(planSeconds).compareTo(fallback) < 0) {
            return Duration.ofSeconds(planSeconds);
        }
        return fallback;
    }
}
