package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfError;
import dev.capi.model.Job;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.LastOperation;
import dev.capi.model.ServiceInstance.Polling;
import dev.capi.model.ServiceUsageEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a managed instance's create, update or delete ends, whether the first broker call or a later poll decided it:
 * succeeded (the instance created, changed or removed, with its audit and usage events) or failed (the failed last
 * operation, and the job's UnableToPerform error).
 */
final class OperationResults {
    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final ServiceInstanceContext ctx;
    private final ServiceInstanceEvents events;

    OperationResults(ServiceInstanceContext ctx, ServiceInstanceEvents events) {
        this.ctx = ctx;
        this.events = events;
    }

    void succeed(ServiceInstance si, InstanceTarget t, String type, BrokerOutcome outcome) {
        Map<String, Object> request = si.polling().request();
        Instant now = ctx.now();
        String description = outcome.description() == null ? "" : outcome.description();
        switch (type) {
            case DELETE -> {
                ctx.instances().delete(si.guid());
                events.audit("delete", InstanceTarget.actor(request), si, t.space(), Map.of());
                events.usage(ServiceUsageEvent.DELETED, si, t.space());
            }
            case UPDATE -> {
                String planGuid = request.get("service_plan_guid") instanceof String p ? p : si.servicePlanGuid();
                @SuppressWarnings("unchecked")
                Map<String, Object> maintenance = request.get("maintenance_info") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : si.maintenanceInfo();
                String name = request.get("name") instanceof String n ? n : si.name();
                @SuppressWarnings("unchecked")
                List<String> tags = request.get("tags") instanceof List<?> l ? (List<String>) l : si.tags();
                var updated = new ServiceInstance(si.guid(), si.createdAt(), now, name, si.spaceGuid(), si.type(),
                        planGuid, tags, outcome.dashboardUrl() != null ? outcome.dashboardUrl() : si.dashboardUrl(),
                        maintenance, Map.of(), null, null, new LastOperation(UPDATE, "succeeded", description,
                        si.lastOperation().createdAt(), now), Polling.NONE, si.metadata());
                ctx.instances().update(updated);
                events.audit("update", InstanceTarget.actor(request), updated, t.space(),
                        InstanceTarget.audit(request));
                events.usage(ServiceUsageEvent.UPDATED, updated, t.space());
            }
            default -> {
                var created = new ServiceInstance(si.guid(), si.createdAt(), now, si.name(), si.spaceGuid(),
                        si.type(), si.servicePlanGuid(), si.tags(),
                        outcome.dashboardUrl() != null ? outcome.dashboardUrl() : si.dashboardUrl(),
                        si.maintenanceInfo(), Map.of(), null, null, new LastOperation(CREATE, "succeeded",
                        description, si.lastOperation().createdAt(), now), Polling.NONE, si.metadata());
                ctx.instances().update(created);
                events.audit("create", InstanceTarget.actor(request), created, t.space(),
                        InstanceTarget.audit(request));
            }
        }
    }

    /** The failed last operation; the job (when given) fails with {@code "<action> could not be completed: ..."}. */
    void fail(ServiceInstance si, String type, String description, Optional<Job> job, String action) {
        Instant now = ctx.now();
        Instant started = si.lastOperation() == null ? now : si.lastOperation().createdAt();
        save(si, new LastOperation(type, "failed", description, started, now), Polling.NONE);
        job.ifPresent(j -> ctx.jobs().fail(j.guid(), InstanceTarget.error(CfError.UnableToPerform, action,
                String.valueOf(description))));
    }

    void save(ServiceInstance si, LastOperation op, Polling polling) {
        ctx.instances().update(si.withOperation(op, polling, ctx.now()));
    }
}
