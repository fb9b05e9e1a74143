package dev.capi.domain.serviceinstances;

import dev.capi.domain.errors.CfError;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;

import java.util.Map;
import java.util.Optional;

/**
 * What a managed instance's broker operation works on: its plan (with offering and broker), its space and org; and
 * how the operation's stored request names its actor, its audit request and its job error.
 */
record InstanceTarget(OfferedPlans.OfferedPlan plan, Space space, Organization org) {

    /** The instance's target, or null when its plan or space is gone. */
    static InstanceTarget of(ServiceInstanceContext ctx, ServiceInstance si) {
        if (si.servicePlanGuid() == null) {
            return null;
        }
        var plan = ctx.plans().find(si.servicePlanGuid());
        var space = ctx.spaces().find(si.spaceGuid());
        if (plan.isEmpty() || space.isEmpty()) {
            return null;
        }
        Organization org = ctx.organizations().find(space.get().organizationGuid()).orElse(null);
        return new InstanceTarget(plan.get(), space.get(), org);
    }

    static Optional<String> userGuid(Map<String, Object> request) {
        return request.get("actor") instanceof Map<?, ?> a && a.get("guid") instanceof String g
                ? Optional.of(g) : Optional.empty();
    }

    static String userName(Map<String, Object> request) {
        return request.get("actor") instanceof Map<?, ?> a && a.get("name") instanceof String n ? n : "";
    }

    static AuditEvent.Actor actor(Map<String, Object> request) {
        if (request.get("actor") instanceof Map<?, ?> a) {
            return new AuditEvent.Actor(String.valueOf(a.get("guid")), "user",
                    a.get("name") == null ? "" : String.valueOf(a.get("name")));
        }
        return new AuditEvent.Actor("", "user", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> audit(Map<String, Object> request) {
        return request.get("audit") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static Job.JobError error(CfError kind, Object... args) {
        return new Job.JobError(kind.code(), kind.title(), kind.detail(args));
    }
}
