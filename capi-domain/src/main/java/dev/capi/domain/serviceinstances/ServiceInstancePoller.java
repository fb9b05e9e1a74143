package dev.capi.domain.serviceinstances;

import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.Polling;

import java.time.Instant;
import java.util.List;

/**
 * Follows asynchronous broker operations: claims the instances whose next poll is due (rows locked, others skip
 * them; the claim moves their next poll one interval on, so a crashed node's claim runs out by itself), asks each
 * broker for the last operation outside any transaction, then applies the answer to the instance as it is then.
 */
public final class ServiceInstancePoller {
    static final int BATCH = 20;

    private final ServiceInstanceContext ctx;
    private final OperationPolling operations;

    public ServiceInstancePoller(ServiceInstanceContext ctx, OperationPolling operations) {
        this.ctx = ctx;
        this.operations = operations;
    }

    /** Polls every due instance once; returns how many were polled. */
    public int pollDue() {
        List<ServiceInstance> claimed = ctx.tx().inTransaction(() -> {
            Instant now = ctx.now();
            List<ServiceInstance> due = ctx.instances().claimDue(now, BATCH);
            for (ServiceInstance si : due) {
                Polling p = si.polling();
                ctx.instances().update(si.withOperation(si.lastOperation(), new Polling(p.brokerOperation(),
                        p.jobGuid(), now.plus(ctx.polling().pollInterval()), p.pollDeadline(), p.request()),
                        si.updatedAt()));
            }
            return due;
        });
        for (ServiceInstance si : claimed) {
            BrokerOutcome outcome = operations.askBroker(si);
            ctx.tx().run(() -> ctx.instances().find(si.guid())
                    .filter(current -> current.polling().jobGuid() != null
                            && current.polling().jobGuid().equals(si.polling().jobGuid()))
                    .ifPresent(current -> operations.followUp(current, outcome)));
        }
        return claimed.size();
    }
}
