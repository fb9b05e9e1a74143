package dev.capi.domain.servicebindings;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.routes.RouteRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Everything the binding use cases share: their repositories, the instances, apps, routes, spaces and organizations
 * they read, the broker client and its settings, the quotas (service keys), and the domain's machinery.
 */
public record BindingContext(CredentialBindingRepository credentialBindings, RouteBindingRepository routeBindings,
                             BindableInstances instances, AppRepository apps, RouteRepository routes,
                             DomainRepository domains, SpaceRepository spaces,
                             OrganizationRepository organizations, MetadataRepository metadataStore,
                             MetadataChanges metadata, AuditEvents audit, Jobs jobs, Transactions tx, Clock clock,
                             Guids guids, ServiceBrokerClient brokers, BrokerSettings brokerSettings,
                             QuotaGuard quotaGuard, QuotaScopes quotaScopes) {
    Duration pollInterval() {
        return brokerSettings.pollInterval();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
