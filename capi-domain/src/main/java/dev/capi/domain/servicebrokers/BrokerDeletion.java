package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The {@code service_broker.delete} job: removes the broker with its offerings, plans and visibilities (refused again
 * if an instance appeared meanwhile); a failure leaves the broker DELETE_FAILED.
 */
public final class BrokerDeletion implements JobHandler {
    private final ServiceBrokerRepository brokers;
    private final AuditEvents audit;
    private final Clock clock;

    public BrokerDeletion(ServiceBrokerRepository brokers, AuditEvents audit, Clock clock) {
        this.brokers = brokers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String operation() {
        return ServiceBrokers.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        var found = brokers.find(job.resourceGuid());
        if (found.isEmpty()) {
            return;
        }
        ServiceBroker broker = found.get();
        if (brokers.hasInstances(broker.guid())) {
            throw CfException.of(CfError.ServiceBrokerNotRemovable, broker.name());
        }
        brokers.delete(broker.guid());
        audit.record("audit.service_broker.delete", new AuditEvent.Actor(broker.guid(), "service_broker",
                broker.name()), ServiceBrokers.target(broker), broker.spaceGuid(), null, Map.of());
    }

    @Override
    public void recoverFromFailure(Job job) {
        brokers.updateStateIf(job.resourceGuid(), ServiceBrokerState.DELETE_IN_PROGRESS,
                ServiceBrokerState.DELETE_FAILED, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
