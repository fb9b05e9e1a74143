package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.LastOperation;
import dev.capi.model.ServiceInstance.Polling;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.capi.domain.serviceinstances.OperationResults.CREATE;
import static dev.capi.domain.serviceinstances.OperationResults.DELETE;
import static dev.capi.domain.serviceinstances.OperationResults.UPDATE;

/**
 * A managed instance's first broker call, as the reference's create, update and delete jobs make it (inside the job's
 * transaction): provision, update, or — once the instance's bindings are unbound through the broker — deprovision.
 * A synchronous answer ends the operation ({@link OperationResults}); a 202 leaves it {@code in progress} and hands
 * the job to the poller ({@link OperationPolling}); a provision that may have left an instance behind at the broker
 * is followed by a deprovision ({@link OrphanMitigation}). A space's deletion removes its managed instances the same
 * way ({@link #removeWithSpace}).
 */
public final class BrokerOperations {
    private final ServiceInstanceContext ctx;
    private final ServiceInstanceEvents events;
    private final InstanceBindings bindings;
    private final OperationResults results;
    private final OrphanMitigation orphans;
    private final BrokerRequests requests;
    private final OperationPolling polling;

    public BrokerOperations(ServiceInstanceContext ctx, ServiceInstanceEvents events, InstanceBindings bindings) {
        this.ctx = ctx;
        this.events = events;
        this.bindings = bindings;
        this.results = new OperationResults(ctx, events);
        this.orphans = new OrphanMitigation(ctx);
        this.requests = new BrokerRequests(ctx);
        this.polling = new OperationPolling(ctx, results, orphans);
    }

    /** The follow-up of asynchronous operations, for the poller. */
    public OperationPolling polling() {
        return polling;
    }

    /** The job's first broker call (inside the job's transaction). */
    void start(Job job, String type) {
        Optional<ServiceInstance> found = ctx.instances().find(job.resourceGuid());
        if (found.isEmpty()) {
            ctx.jobs().fail(job.guid(), InstanceTarget.error(CfError.ResourceNotFound,
                    "The service instance could not be found: " + job.resourceGuid() + "."));
            return;
        }
        ServiceInstance si = found.get();
        InstanceTarget t = InstanceTarget.of(ctx, si);
        if (t == null) {
            results.fail(si, type, "The service plan of the instance could not be found.", Optional.of(job),
                    actionName(type));
            return;
        }
        Map<String, Object> request = si.polling().request();
        if (DELETE.equals(type)) {
            List<String> unbound = bindings.unbindAll(si.guid(), InstanceTarget.userGuid(request).orElse(null),
                    InstanceTarget.userName(request));
            if (!unbound.isEmpty()) {
                results.fail(si, DELETE, unbound.get(0), Optional.of(job), DELETE);
                return;
            }
        }
        BrokerOutcome outcome = call(si, t, type, request);
        switch (outcome.kind()) {
            case SUCCEEDED -> results.succeed(si, t, type, outcome);
            case IN_PROGRESS -> {
                Instant now = ctx.now();
                Duration max = ctx.maximumPolling(t.plan().maximumPollingDuration());
                results.save(si, new LastOperation(type, "in progress", blankToNull(outcome.description()),
                                si.lastOperation() == null ? now : si.lastOperation().createdAt(), now),
                        new Polling(outcome.operation(), job.guid(), now, now.plus(max), request));
                events.audit("start_" + type, InstanceTarget.actor(request), si, t.space(),
                        InstanceTarget.audit(request));
                ctx.jobs().markPolling(job);
            }
            case FAILED -> {
                results.fail(si, type, outcome.description(), Optional.of(job), actionName(type));
                if (outcome.mitigateOrphan()) {
                    orphans.mitigate(si, t);
                }
            }
        }
    }

    private BrokerOutcome call(ServiceInstance si, InstanceTarget t, String type, Map<String, Object> request) {
        var endpoint = t.plan().endpoint();
        Optional<String> user = InstanceTarget.userGuid(request);
        BrokerOutcome outcome;
        try {
            BrokerReply reply = switch (type) {
                case CREATE -> ctx.brokers().provision(endpoint, si.guid(), requests.provisionBody(si, t, request),
                        user);
                case UPDATE -> ctx.brokers().updateInstance(endpoint, si.guid(), requests.updateBody(si, t, request),
                        user);
                default -> ctx.brokers().deprovision(endpoint, si.guid(), t.plan().offeringCatalogId(),
                        t.plan().catalogId(), user);
            };
            outcome = switch (type) {
                case CREATE -> BrokerReplies.provision(reply, endpoint);
                case UPDATE -> BrokerReplies.update(reply, endpoint);
                default -> BrokerReplies.deprovision(reply, endpoint);
            };
        } catch (BrokerUnreachable e) {
            outcome = BrokerReplies.unreachable(e, endpoint, CREATE.equals(type));
        }
        if (DELETE.equals(type) && outcome.is(BrokerOutcome.Kind.FAILED)) {
            return BrokerOutcome.failed("Service instance " + si.name() + ": " + outcome.description(), false);
        }
        return outcome;
    }

    /**
     * Removes a managed instance of a space being deleted (inside the space delete's transaction), as the reference's
     * space delete does: its bindings unbound, then deprovisioned through a {@code service_instance.delete} job of
     * its own. Returns the reference's message when the instance is not gone yet: an operation in progress (also when
     * the broker deprovisions asynchronously; the job then polls), or the failure's description.
     */
    Optional<String> removeWithSpace(ServiceInstance si, String actorGuid, String actorName) {
        String inProgress = CfError.AsyncServiceInstanceOperationInProgress.detail(si.name());
        LastOperation op = si.lastOperation();
        if (op != null && op.inProgress()) {
            return Optional.of(inProgress);
        }
        Instant now = ctx.now();
        Job job = ctx.jobs().enqueue(ServiceInstanceJobs.DELETE, "service_instances", si.guid());
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("guid", actorGuid);
        actor.put("name", actorName == null ? "" : actorName);
        request.put("actor", actor);
        request.put("audit", Map.of());
        ctx.instances().update(si.withOperation(op == null ? new LastOperation(DELETE, "in progress", null, now, now)
                : op, new Polling(null, job.guid(), null, null, request), now));
        start(job, DELETE);
        Optional<ServiceInstance> after = ctx.instances().find(si.guid());
        if (after.isEmpty()) {
            if (ctx.jobs().find(job.guid()).filter(j -> j.state() == JobState.PROCESSING).isPresent()) {
                ctx.jobs().complete(job.guid());
            }
            return Optional.empty();
        }
        LastOperation last = after.get().lastOperation();
        if (last != null && last.inProgress()) {
            return Optional.of(inProgress);
        }
        return Optional.of(last == null || last.description() == null ? "" : last.description());
    }

    private static String actionName(String type) {
        return switch (type) {
            case CREATE -> "provision";
            case UPDATE -> "update";
            default -> "deprovision";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
