package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.model.Job;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The {@code service_broker.catalog.synchronize} job of a newly registered broker: fetches and validates its
 * catalog, syncs offerings and plans, and makes the broker AVAILABLE; a failure leaves it SYNCHRONIZATION_FAILED.
 */
public final class CatalogSynchronization implements JobHandler {
    private final ServiceBrokerRepository brokers;
    private final CatalogFetch fetch;
    private final CatalogReader reader;
    private final CatalogSync sync;
    private final Clock clock;

    public CatalogSynchronization(ServiceBrokerRepository brokers, CatalogFetch fetch, CatalogReader reader,
                                  CatalogSync sync, Clock clock) {
        this.brokers = brokers;
        this.fetch = fetch;
        this.reader = reader;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public String operation() {
        return ServiceBrokers.SYNCHRONIZE_JOB;
    }

    @Override
    public void perform(Job job) {
        ServiceBroker broker = brokers.find(job.resourceGuid())
                .orElseThrow(() -> CfException.of(CfError.ServiceBrokerGone));
        var body = fetch.fetch(new BrokerEndpoint(broker.url(), broker.username(), broker.password()));
        BrokerCatalog catalog = reader.read(body, sync.existing(broker));
        sync.apply(broker, catalog);
        brokers.updateState(broker.guid(), ServiceBrokerState.AVAILABLE, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void recoverFromFailure(Job job) {
        brokers.updateStateIf(job.resourceGuid(), ServiceBrokerState.SYNCHRONIZING,
                ServiceBrokerState.SYNCHRONIZATION_FAILED, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
