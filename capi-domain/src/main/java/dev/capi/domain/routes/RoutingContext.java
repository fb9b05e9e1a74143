package dev.capi.domain.routes;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/** Everything the route use cases share: repositories, ports, the domain's machinery, and the port picker's randomness. */
public record RoutingContext(RouteRepository routes, RouteDestinationRepository destinations,
                             DomainRepository domains, SpaceRepository spaces,
                             OrganizationRepository organizations, MetadataRepository metadataStore,
                             MetadataChanges metadata, AuditEvents audit, FeatureFlags flags, Jobs jobs,
                             Transactions tx, Clock clock, Guids guids, AppLookup apps, RouterGroups routerGroups,
                             RouteQuotas quotas, RandomGenerator random) {
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
