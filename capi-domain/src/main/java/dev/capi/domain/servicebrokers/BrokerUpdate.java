package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.model.Job;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code service_broker.update} job: asks the broker at its new URL and credentials for its catalog, validates
 * and syncs it, then stores the new name, URL and credentials and makes the broker AVAILABLE. A failure keeps the
 * old values and returns the broker to the state it had before the update, as the reference's UpdateBrokerJob. Plans
 * the catalog dropped that instances still use are deactivated and named in the job's {@code warnings}.
 */
public final class BrokerUpdate implements JobHandler {
    private final ServiceBrokerRepository brokers;
    private final CatalogFetch fetch;
    private final CatalogReader reader;
    private final CatalogSync sync;
    private final Clock clock;
    private final Jobs jobs;

    public BrokerUpdate(ServiceBrokerRepository brokers, CatalogFetch fetch, CatalogReader reader, CatalogSync sync,
                        Clock clock, Jobs jobs) {
        this.brokers = brokers;
        this.fetch = fetch;
        this.reader = reader;
        this.sync = sync;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Override
    public String operation() {
        return ServiceBrokers.UPDATE_JOB;
    }

    @Override
    public void perform(Job job) {
        ServiceBroker broker = brokers.find(job.resourceGuid())
                .orElseThrow(() -> CfException.of(CfError.ServiceBrokerGone));
        BrokerUpdateRequest request = brokers.findUpdateRequest(broker.guid())
                .orElseThrow(() -> CfException.of(CfError.ServiceBrokerGone));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ServiceBroker updated = new ServiceBroker(broker.guid(), broker.createdAt(), now,
                request.name() != null ? request.name() : broker.name(),
                request.url() != null ? request.url() : broker.url(),
                request.username() != null ? request.username() : broker.username(),
                request.password() != null ? request.password() : broker.password(), broker.spaceGuid(),
                ServiceBrokerState.AVAILABLE, broker.metadata());
        var body = fetch.fetch(new BrokerEndpoint(updated.url(), updated.username(), updated.password()));
        BrokerCatalog catalog = reader.read(body, sync.existing(updated));
        brokers.update(updated);
        sync.apply(updated, catalog).forEach(warning -> jobs.warn(job.guid(), warning));
        brokers.deleteUpdateRequest(broker.guid());
    }

    @Override
    public void recoverFromFailure(Job job) {
        var request = brokers.findUpdateRequest(job.resourceGuid());
        ServiceBrokerState previous = request.map(BrokerUpdateRequest::previousState)
                .orElse(ServiceBrokerState.AVAILABLE);
        brokers.updateStateIf(job.resourceGuid(), ServiceBrokerState.SYNCHRONIZING, previous,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        brokers.deleteUpdateRequest(job.resourceGuid());
    }
}
