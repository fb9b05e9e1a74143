package dev.capi.domain.servicebindings;

import dev.capi.domain.errors.CfError;
import dev.capi.model.AuditEvent;
import dev.capi.model.BindingOperation;
import dev.capi.model.Job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follows bindings whose job is POLLING: claims rows whose next poll is due (FOR UPDATE SKIP LOCKED, so several nodes
 * share the work), asks the broker's binding last_operation, stores its state and description, and finishes the job:
 * complete when the bind (then fetched) or unbind succeeded, failed with {@code UnableToPerform} when the broker
 * reports failure (or the job's bind already failed), {@code JobTimeout} once the plan's maximum polling duration has
 * passed (the binding is then failed and, for a bind, orphan-mitigated). The next poll is after the broker's
 * Retry-After, else the configured interval. Run periodically by the server.
 */
public final class BindingPoller {
    private static final int BATCH = 20;

    private final BindingContext c;
    private final List<BindingKind> kinds;
    private final BindingBroker broker;

    public BindingPoller(BindingContext c) {
        this.c = c;
        this.kinds = List.of(new CredentialBindingKind(c), new RouteBindingKind(c));
        this.broker = new BindingBroker(c);
    }

    /** Polls every due binding (up to a batch per kind); returns how many were handled. */
    public int pollDue() {
        int handled = 0;
        for (BindingKind kind : kinds) {
            for (int i = 0; i < BATCH; i++) {
                boolean one = c.tx().inTransaction(() -> {
                    List<String> due = kind.claimDue(c.now(), 1);
                    if (due.isEmpty()) {
                        return false;
                    }
                    pollOne(kind, due.get(0));
                    return true;
                });
                if (!one) {
                    break;
                }
                handled++;
            }
        }
        return handled;
    }

    private void pollOne(BindingKind kind, String guid) {
        PollSchedule schedule = kind.schedule(guid).orElse(null);
        BindingKind.Row row = kind.find(guid).orElse(null);
        if (schedule == null || row == null) {
            return;
        }
        BindingOperation op = row.lastOperation();
        boolean deleting = BindingOperation.DELETE.equals(op.type());
        String verb = deleting ? "unbind" : "bind";
        if (BindingOperation.FAILED.equals(op.state())) {
            fail(kind, guid, schedule, CfError.UnableToPerform, verb, op.description());
            return;
        }
        if (op.is(BindingOperation.CREATE, BindingOperation.SUCCEEDED)) {
            complete(kind, guid, schedule);
            return;
        }
        BindableInstance instance = c.instances().find(row.instanceGuid()).orElse(null);
        Instant now = c.now();
        if (instance == null || instance.userProvided()) {
            fail(kind, guid, schedule, CfError.UnableToPerform, verb, "The service instance could not be found");
            return;
        }
        BindingRequest request = kind.request(guid).orElse(null);
        if (schedule.deadline() != null && !now.isBefore(schedule.deadline())) {
            kind.saveOperation(guid, op.next(op.type(), BindingOperation.FAILED, "Service Broker failed to " + verb
                    + " within the required time.", now), row.brokerOperation());
            if (!deleting) {
                broker.mitigateOrphan(instance, guid, request);
            }
            jobFailed(kind, guid, schedule, new Job.JobError(CfError.JobTimeout.code(), CfError.JobTimeout.title(),
                    CfError.JobTimeout.detail()));
            return;
        }
        BrokerOutcome.Progress progress = broker.lastOperation(instance, row, deleting);
        switch (progress.state()) {
            case BindingOperation.SUCCEEDED -> succeeded(kind, guid, schedule, row, instance, request, progress, now);
            case BindingOperation.FAILED -> {
                kind.saveOperation(guid, op.next(op.type(), BindingOperation.FAILED, progress.description(), now),
                        row.brokerOperation());
                fail(kind, guid, schedule, CfError.UnableToPerform, verb, progress.description());
            }
            default -> {
                kind.saveOperation(guid, op.next(op.type(), BindingOperation.IN_PROGRESS, progress.description(),
                        now), row.brokerOperation());
                Duration wait = progress.retryAfter().orElse(c.pollInterval());
                kind.schedule(guid, new PollSchedule(schedule.jobGuid(), now.plus(wait), schedule.deadline()));
            }
        }
    }

    private void succeeded(BindingKind kind, String guid, PollSchedule schedule, BindingKind.Row row,
                           BindableInstance instance, BindingRequest request, BrokerOutcome.Progress progress,
                           Instant now) {
        AuditEvent.Actor actor = actor(request);
        if (BindingOperation.DELETE.equals(row.lastOperation().type())) {
            kind.remove(guid, actor);
            c.jobs().complete(schedule.jobGuid());
            return;
        }
        BrokerOutcome fetched = broker.fetch(instance, guid, request, kind.route());
        if (fetched instanceof BrokerOutcome.Bound bound) {
            kind.saveBound(guid, bound, row.lastOperation().next(BindingOperation.CREATE, BindingOperation.SUCCEEDED,
                    progress.description(), now));
            kind.event("create", guid, actor);
            complete(kind, guid, schedule);
        } else {
            String message = fetched instanceof BrokerOutcome.Failed f ? f.message() : "unexpected broker answer";
            kind.saveOperation(guid, row.lastOperation().next(BindingOperation.CREATE, BindingOperation.FAILED,
                    message, now), row.brokerOperation());
            fail(kind, guid, schedule, CfError.UnableToPerform, "bind", message);
        }
    }

    private void complete(BindingKind kind, String guid, PollSchedule schedule) {
        kind.unschedule(guid);
        c.jobs().complete(schedule.jobGuid());
    }

    private void fail(BindingKind kind, String guid, PollSchedule schedule, CfError error, String verb,
                      String description) {
        jobFailed(kind, guid, schedule, new Job.JobError(error.code(), error.title(),
                error.detail(verb, description == null ? "" : description)));
    }

    private void jobFailed(BindingKind kind, String guid, PollSchedule schedule, Job.JobError error) {
        kind.unschedule(guid);
        c.jobs().fail(schedule.jobGuid(), error);
    }

    private static AuditEvent.Actor actor(BindingRequest r) {
        return r == null ? new AuditEvent.Actor("", "user", "")
                : new AuditEvent.Actor(r.actorGuid(), "user", r.actorName() == null ? "" : r.actorName());
    }
}
