package dev.capi.domain.serviceinstances;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceInstance.LastOperation;
import dev.capi.model.ServiceInstance.Polling;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Managed service instances: create, update and delete start {@code service_instance.*} jobs that talk to the
 * broker ({@link BrokerOperations}; a delete unbinds the instance's bindings first); an update that needs no
 * broker (name without context updates, tags, metadata) is synchronous. Plans are checked as the reference's controller does (exists and visible, active,
 * available in the space, same offering), then the space's and organization's quotas.
 */
public final class ManagedInstances {
    static final String INVALID_PLAN = "Invalid service plan. Ensure that the service plan exists, is available, "
            + "and you have access to it.";
    static final String IN_PROGRESS = "There is an operation in progress for the service instance.";
    private static final Set<String> USER_PROVIDED_KEYS = Set.of("credentials", "syslog_drain_url",
            "route_service_url");

    private final ServiceInstanceContext ctx;
    private final UserProvidedInstances userProvided;
    private final ServiceInstanceEvents events;

    public ManagedInstances(ServiceInstanceContext ctx, UserProvidedInstances userProvided,
                            ServiceInstanceEvents events) {
        this.ctx = ctx;
        this.userProvided = userProvided;
        this.events = events;
    }

    /** Checks the request, stores the instance ("create initial") and starts its create job. */
    public Job create(Permissions perms, ServiceInstanceCommands.CreateManaged cmd) {
        ctx.flags().requireUnlessAdmin("service_instance_creation", perms.principal());
        return ctx.tx().inTransaction(() -> {
            Space space = userProvided.targetSpace(perms, cmd.spaceGuid());
            OfferedPlans.OfferedPlan plan = usablePlan(perms, cmd.planGuid(), space);
            if ("SYNCHRONIZING".equals(plan.brokerState()) || "DELETE_IN_PROGRESS".equals(plan.brokerState())) {
                throw CfException.unprocessable("The service instance cannot be created because there is an "
                        + "operation in progress for the service broker.");
            }
            ctx.quotaGuard().checkServiceInstance(ctx.quotaScopes().forSpace(space.guid()), !plan.free());
            replaceFailedCreate(space, cmd.name());
            userProvided.requireFreeName(space, cmd.name());
            Instant now = ctx.now();
            String guid = ctx.guids().next();
            Job job = ctx.jobs().enqueue(ServiceInstanceJobs.CREATE, "service_instances", guid);
            var instance = new ServiceInstance(guid, now, now, cmd.name(), space.guid(), ServiceInstance.MANAGED,
                    plan.guid(), cmd.tags(), null, plan.maintenanceInfo(), null, null, null,
                    new LastOperation("create", "initial", null, now, now),
                    new Polling(null, job.guid(), null, null, request(perms, cmd.parameters(), cmd.request())),
                    Metadata.empty());
            userProvided.insert(instance);
            var stored = instance.withMetadata(ctx.metadata().apply(guid, "service_instances", Metadata.empty(),
                    cmd.metadata()));
            events.usage(ServiceUsageEvent.CREATED, stored, space);
            return job;
        });
    }

    /** The result of an update: the instance (synchronous) or the job that carries it out. */
    public record Updated(ServiceInstance instance, Job job) {
    }

    Updated update(Permissions perms, ServiceInstanceAccess.Located located, ServiceInstanceCommands.Update cmd) {
        ServiceInstance si = located.instance();
        Space space = located.space();
        var unknown = cmd.given().stream().filter(USER_PROVIDED_KEYS::contains).sorted().toList();
        if (!unknown.isEmpty()) {
            throw CfException.unprocessable("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
        if (si.lastOperation() != null && si.lastOperation().inProgress()) {
            throw CfException.of(CfError.AsyncServiceInstanceOperationInProgress, si.name());
        }
        boolean renamed = cmd.name() != null && !cmd.name().equals(si.name());
        if (renamed && !ctx.instances().sharedSpaces(si.guid()).isEmpty()) {
            throw CfException.of(CfError.SharedServiceInstanceCannotBeRenamed);
        }
        OfferedPlans.OfferedPlan current = ctx.plans().find(si.servicePlanGuid()).orElse(null);
        boolean planChanged = cmd.planGuid() != null && !cmd.planGuid().equals(si.servicePlanGuid());
        if (cmd.planGuid() != null) {
            OfferedPlans.OfferedPlan plan = usablePlan(perms, cmd.planGuid(), space);
            if (current != null && !plan.offeringGuid().equals(current.offeringGuid())) {
                throw CfException.of(CfError.InvalidRelation, "service plan relates to a different service offering");
            }
            if (planChanged && current != null && !current.updateable()) {
                throw CfException.of(CfError.ServicePlanNotUpdateable);
            }
            if (planChanged) {
                ctx.quotaGuard().checkPaidPlan(ctx.quotaScopes().forSpace(space.guid()), !plan.free());
            }
        }
        boolean maintenanceChanged = cmd.maintenanceInfo() != null
                && !Objects.equals(cmd.maintenanceInfo().get("version"), si.maintenanceInfo().get("version"));
        if (maintenanceChanged) {
            if (planChanged) {
                throw CfException.of(CfError.MaintenanceInfoNotUpdatableWhenChangingPlan);
            }
            if (current == null || !Objects.equals(cmd.maintenanceInfo().get("version"), current.maintenanceVersion())) {
                throw CfException.of(CfError.MaintenanceInfoConflict);
            }
        }
        if (renamed) {
            userProvided.requireFreeName(space, cmd.name());
        }
        boolean contextUpdate = renamed && current != null && current.allowContextUpdates();
        boolean brokerNeeded = cmd.parameters() != null || planChanged || maintenanceChanged || contextUpdate;
        Instant now = ctx.now();
        Metadata metadata = ctx.metadata().apply(si.guid(), "service_instances", si.metadata(), cmd.metadata());
        if (!brokerNeeded) {
            var updated = new ServiceInstance(si.guid(), si.createdAt(), now, renamed ? cmd.name() : si.name(),
                    si.spaceGuid(), si.type(), si.servicePlanGuid(), cmd.tags() != null ? cmd.tags() : si.tags(),
                    si.dashboardUrl(), si.maintenanceInfo(), null, null, null,
                    new LastOperation("update", "succeeded", "", now, now), Polling.NONE, metadata);
            try {
                ctx.instances().update(updated);
            } catch (ServiceInstanceRepository.NameTaken e) {
                throw UserProvidedInstances.nameTaken(updated.name());
            }
            events.audit("update", AuditEvents.actor(perms.principal()), updated, space, cmd.request());
            if (renamed) {
                events.usage(ServiceUsageEvent.UPDATED, updated, space);
            }
            return new Updated(updated, null);
        }
        Job job = ctx.jobs().enqueue(ServiceInstanceJobs.UPDATE, "service_instances", si.guid());
        Map<String, Object> request = request(perms, cmd.parameters(), cmd.request());
        if (planChanged) {
            request.put("service_plan_guid", cmd.planGuid());
        }
        if (maintenanceChanged) {
            request.put("maintenance_info", cmd.maintenanceInfo());
        }
        if (renamed) {
            request.put("name", cmd.name());
        }
        if (cmd.tags() != null) {
            request.put("tags", cmd.tags());
        }
        ctx.instances().update(si.withOperation(new LastOperation("update", "in progress", null, now, now),
                new Polling(null, job.guid(), null, null, request), now).withMetadata(metadata));
        return new Updated(null, job);
    }

    /**
     * Starts the delete job (refused while another operation is in progress); the job unbinds the instance's bindings
     * through the broker, then deprovisions it.
     */
    Job delete(Permissions perms, ServiceInstanceAccess.Located located) {
        ServiceInstance si = located.instance();
        if (si.lastOperation() != null && si.lastOperation().inProgress()) {
            throw CfException.unprocessable(IN_PROGRESS);
        }
        Instant now = ctx.now();
        Job job = ctx.jobs().enqueue(ServiceInstanceJobs.DELETE, "service_instances", si.guid());
        ctx.instances().update(si.withOperation(new LastOperation("delete", "in progress", null, now, now),
                new Polling(null, job.guid(), null, null, request(perms, null, Map.of())), now));
        return job;
    }

    /** A plan the principal may use for an instance in this space, with the reference's 422 texts. */
    OfferedPlans.OfferedPlan usablePlan(Permissions perms, String planGuid, Space space) {
        OfferedPlans.OfferedPlan plan = ctx.plans().find(planGuid)
                .filter(p -> visibleToUser(perms, p))
                .orElseThrow(() -> CfException.unprocessable(INVALID_PLAN));
        if (!plan.active()) {
            throw CfException.unprocessable("Invalid service plan. The service plan '" + plan.name() + "' with guid '"
                    + plan.guid() + "' has been removed from the service broker's catalog. It is not possible to "
                    + "create new service instances using this plan.");
        }
        if (!plan.availableIn(space.guid(), space.organizationGuid())) {
            throw CfException.unprocessable("Invalid service plan. This could be due to a space-scoped broker which "
                    + "is offering the service plan '" + plan.name() + "' with guid '" + plan.guid() + "' in another "
                    + "space or that the plan is not enabled in this organization. Ensure that the service plan is "
                    + "visible in your current space '" + space.name() + "' with guid '" + space.guid() + "'.");
        }
        return plan;
    }

    /** Admins and global readers see every plan; others public ones, those of their orgs and their spaces' brokers. */
    static boolean visibleToUser(Permissions perms, OfferedPlans.OfferedPlan plan) {
        if (perms.canReadGlobally()) {
            return true;
        }
        if (plan.brokerSpaceGuid() != null) {
            return perms.hasSpaceRole(plan.brokerSpaceGuid(), dev.capi.domain.auth.Permissions.SPACE_READERS);
        }
        return plan.isPublic() || plan.visibleInOrganizations().stream().anyMatch(perms::canReadOrg);
    }

    /** A failed create of the same name is replaced by the new one, as the reference does. */
    private void replaceFailedCreate(Space space, String name) {
        ctx.instances().findByName(space.guid(), name)
                .filter(si -> si.managed() && si.lastOperation() != null && si.lastOperation().is("create", "failed"))
                .ifPresent(si -> {
                    ctx.instances().delete(si.guid());
                    events.usage(ServiceUsageEvent.DELETED, si, space);
                });
    }

    static Map<String, Object> request(Permissions perms, Map<String, Object> parameters,
                                       Map<String, Object> audit) {
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("guid", perms.principal().userGuid());
        actor.put("name", perms.principal().userName() == null ? "" : perms.principal().userName());
        request.put("actor", actor);
        if (parameters != null) {
            request.put("parameters", parameters);
        }
        request.put("audit", audit == null ? Map.of() : audit);
        return request;
    }
}
