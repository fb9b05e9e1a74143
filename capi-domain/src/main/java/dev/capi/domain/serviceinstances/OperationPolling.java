package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.LastOperation;
import dev.capi.model.ServiceInstance.Polling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.capi.domain.serviceinstances.OperationResults.CREATE;
import static dev.capi.domain.serviceinstances.OperationResults.UPDATE;

/**
 * The follow-up of a managed instance's asynchronous operation (for {@link ServiceInstancePoller}): asks the broker's
 * last_operation (outside any transaction), then applies the answer: succeeded or failed ends the operation and its
 * job, in progress moves the next poll on (after Retry-After when longer than the interval), and a passed deadline
 * fails it with JobTimeout (a provision is then orphan-mitigated).
 */
public final class OperationPolling {
    private static final Logger LOG = Logger.getLogger(OperationPolling.class.getName());

    private final ServiceInstanceContext ctx;
    private final OperationResults results;
    private final OrphanMitigation orphans;

    OperationPolling(ServiceInstanceContext ctx, OperationResults results, OrphanMitigation orphans) {
        this.ctx = ctx;
        this.results = results;
        this.orphans = orphans;
    }

    /** One poll of the broker's last_operation for an instance the poller claimed (outside any transaction). */
    BrokerOutcome askBroker(ServiceInstance si) {
        InstanceTarget t = ctx.tx().inTransaction(() -> InstanceTarget.of(ctx, si));
        if (t == null) {
            return BrokerOutcome.failed("The service plan of the instance could not be found.", false);
        }
        try {
            BrokerReply reply = ctx.brokers().instanceLastOperation(t.plan().endpoint(), si.guid(),
                    t.plan().offeringCatalogId(), t.plan().catalogId(),
                    Optional.ofNullable(si.polling().brokerOperation()));
            BrokerOutcome outcome = BrokerReplies.lastOperation(reply, si.lastOperation().type());
            if (outcome.is(BrokerOutcome.Kind.SUCCEEDED) && CREATE.equals(si.lastOperation().type())
                    && t.plan().instancesRetrievable()) {
                return fetchedDashboard(si, t, outcome);
            }
            return outcome;
        } catch (BrokerUnreachable e) {
            return BrokerOutcome.inProgress(null, null, Optional.empty());
        }
    }

    /** What a poll's answer means (inside a transaction, on the instance as it is now). */
    void followUp(ServiceInstance si, BrokerOutcome outcome) {
        InstanceTarget t = InstanceTarget.of(ctx, si);
        String type = si.lastOperation().type();
        String jobGuid = si.polling().jobGuid();
        String action = CREATE.equals(type) ? "create managed" : UPDATE.equals(type) ? "update managed"
                : "delete managed";
        switch (outcome.kind()) {
            case SUCCEEDED -> {
                results.succeed(si, t, type, outcome);
                if (jobGuid != null) {
                    ctx.jobs().complete(jobGuid);
                }
            }
            case FAILED -> {
                results.fail(si, type, outcome.description(), Optional.empty(), action);
                if (jobGuid != null) {
                    ctx.jobs().fail(jobGuid, InstanceTarget.error(CfError.UnableToPerform, action,
                            String.valueOf(outcome.description())));
                }
            }
            case IN_PROGRESS -> {
                Instant now = ctx.now();
                Duration wait = outcome.retryAfter().filter(d -> d.compareTo(ctx.polling().pollInterval()) > 0)
                        .orElse(ctx.polling().pollInterval());
                Instant next = now.plus(wait);
                if (si.polling().pollDeadline() != null && next.isAfter(si.polling().pollDeadline())) {
                    expire(si, t, type, jobGuid);
                    return;
                }
                String description = outcome.description() != null ? outcome.description()
                        : si.lastOperation().description();
                results.save(si, new LastOperation(type, "in progress", description, si.lastOperation().createdAt(),
                        now), new Polling(si.polling().brokerOperation(), jobGuid, next, si.polling().pollDeadline(),
                        si.polling().request()));
            }
        }
    }

    /** The broker did not finish in time: the operation fails with JobTimeout; a provision is mitigated. */
    private void expire(ServiceInstance si, InstanceTarget t, String type, String jobGuid) {
        String verb = CREATE.equals(type) ? "provision" : UPDATE.equals(type) ? "update" : "deprovision";
        results.save(si, new LastOperation(type, "failed", "Service Broker failed to " + verb
                + " within the required time.", si.lastOperation().createdAt(), ctx.now()), Polling.NONE);
        if (jobGuid != null) {
            ctx.jobs().fail(jobGuid, InstanceTarget.error(CfError.JobTimeout));
        }
        if (CREATE.equals(type) && t != null) {
            orphans.mitigate(si, t);
        }
    }

    private BrokerOutcome fetchedDashboard(ServiceInstance si, InstanceTarget t, BrokerOutcome outcome) {
        try {
            BrokerReply fetched = ctx.brokers().fetchInstance(t.plan().endpoint(), si.guid(), Optional.empty());
            if (fetched.is(200) && !fetched.malformed()) {
                return new BrokerOutcome(outcome.kind(), outcome.description(), null,
                        fetched.string("dashboard_url").orElse(null), false, Optional.empty(), fetched.body());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "fetching service instance " + si.guid() + " failed: " + e.getMessage());
        }
        return outcome;
    }
}
