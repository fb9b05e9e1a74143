package dev.capi.domain.servicebindings;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;
import dev.capi.model.Job;

import java.time.Duration;
import java.time.Instant;

/**
 * One bind or unbind job ({@code service_bindings.create}, {@code service_keys.create},
 * {@code service_route_bindings.create} and their deletes): asks the broker once. A synchronous success ends the job;
 * a 202 leaves the binding {@code in progress} and hands the job to the {@link BindingPoller} (first poll at once);
 * a failure stores the failed last operation (and sends the orphan-mitigation unbind where the reference does), and
 * the poller fails the job with the reference's error on its next pass — so the failed state is committed, not rolled
 * back with the job.
 */
final class BindingJob implements JobHandler {
    private final String operation;
    private final boolean deleting;
    private final BindingKind kind;
    private final BindingContext c;
    private final BindingBroker broker;

    BindingJob(String operation, boolean deleting, BindingKind kind, BindingContext c) {
        this.operation = operation;
        this.deleting = deleting;
        this.kind = kind;
        this.c = c;
        this.broker = new BindingBroker(c);
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public void perform(Job job) {
        BindingKind.Row row = kind.find(job.resourceGuid()).orElse(null);
        if (row == null) {
            if (deleting) {
                return;
            }
            throw CfException.of(CfError.ResourceNotFound, "The binding could not be found: " + job.resourceGuid());
        }
        BindableInstance instance = c.instances().find(row.instanceGuid()).orElseThrow(() -> CfException.of(
                CfError.ResourceNotFound, "The service instance could not be found: " + row.instanceGuid()));
        if (instance.userProvided()) {
            if (deleting) {
                kind.remove(row.guid(), actor(row.guid()));
            }
            return;
        }
        if (deleting) {
            unbind(job, row, instance);
        } else {
            bind(job, row, instance);
        }
    }

    private void bind(Job job, BindingKind.Row row, BindableInstance instance) {
        if (BindingOperation.DELETE.equals(row.lastOperation().type())) {
            throw CfException.of(CfError.UnableToPerform, "create", "delete in progress");
        }
        BindingRequest request = kind.request(row.guid()).orElse(null);
        BrokerOutcome outcome = broker.bind(instance, row, request, kind.route());
        kind.clearParameters(row.guid());
        Instant now = c.now();
        if (outcome instanceof BrokerOutcome.Bound bound) {
            kind.saveBound(row.guid(), bound, row.lastOperation().next(BindingOperation.CREATE,
                    BindingOperation.SUCCEEDED, null, now));
            kind.event("create", row.guid(), actor(row.guid()));
        } else if (outcome instanceof BrokerOutcome.Accepted accepted) {
            kind.saveOperation(row.guid(), row.lastOperation().next(BindingOperation.CREATE,
                    BindingOperation.IN_PROGRESS, null, now), accepted.operation());
            kind.event("start_create", row.guid(), actor(row.guid()));
            pollLater(job, now, instance);
        } else if (outcome instanceof BrokerOutcome.Failed failed) {
            kind.saveOperation(row.guid(), row.lastOperation().next(BindingOperation.CREATE,
                    BindingOperation.FAILED, failed.message(), now), row.brokerOperation());
            if (failed.orphan()) {
                broker.mitigateOrphan(instance, row.guid(), request);
            }
            finishLater(job, now);
        } else {
            throw new IllegalStateException("unexpected bind outcome " + outcome);
        }
    }

    private void unbind(Job job, BindingKind.Row row, BindableInstance instance) {
        BindingRequest request = kind.request(row.guid()).orElse(null);
        BrokerOutcome outcome = broker.unbind(instance, row.guid(), request);
        Instant now = c.now();
        if (outcome instanceof BrokerOutcome.Unbound) {
            kind.remove(row.guid(), actor(row.guid()));
        } else if (outcome instanceof BrokerOutcome.Accepted accepted) {
            kind.event("start_delete", row.guid(), actor(row.guid()));
            kind.saveOperation(row.guid(), row.lastOperation().next(BindingOperation.DELETE,
                    BindingOperation.IN_PROGRESS, null, now), accepted.operation());
            pollLater(job, now, instance);
        } else if (outcome instanceof BrokerOutcome.Failed failed) {
            kind.saveOperation(row.guid(), row.lastOperation().next(BindingOperation.DELETE,
                    BindingOperation.FAILED, "Service broker failed to delete service binding for instance "
                            + instance.name() + ": " + failed.message(), now), row.brokerOperation());
            finishLater(job, now);
        } else {
            throw new IllegalStateException("unexpected unbind outcome " + outcome);
        }
    }

    /**
     * Polls last_operation at once, then as the poller decides, until the plan's maximum polling duration (or the
     * configured default when the plan names none).
     */
    private void pollLater(Job job, Instant now, BindableInstance instance) {
        Integer max = instance.plan().maximumPollingDuration();
        Instant deadline = now.plus(max == null ? c.brokerSettings().maximumPollingDuration()
                : Duration.ofSeconds(max));
        kind.schedule(job.resourceGuid(), new PollSchedule(job.guid(), now, deadline));
        c.jobs().markPolling(job);
    }

    /** The binding's state is final (failed): the poller fails the job on its next pass. */
    private void finishLater(Job job, Instant now) {
        kind.schedule(job.resourceGuid(), new PollSchedule(job.guid(), now, null));
        c.jobs().markPolling(job);
    }

    private AuditEvent.Actor actor(String guid) {
        return kind.request(guid).map(r -> new AuditEvent.Actor(r.actorGuid(), "user",
                r.actorName() == null ? "" : r.actorName())).orElse(new AuditEvent.Actor("", "user", ""));
    }
}
