package dev.capi.domain.serviceinstances;

import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.usage.ServiceUsageEvents;
import dev.capi.model.AuditEvent;
import dev.capi.model.Organization;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;
import dev.capi.model.Space;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events a service instance's changes write, as the reference's service event repository: audit events
 * ({@code audit.service_instance.*} for managed, {@code audit.user_provided_service_instance.*} for user-provided;
 * request credentials shown as {@code [REDACTED]}, parameters as {@code [PRIVATE DATA HIDDEN]}) and service usage
 * events (CREATED, UPDATED, DELETED) with the space, plan, offering and broker as they are now.
 */
public final class ServiceInstanceEvents {
    static final String REDACTED = "[REDACTED]";
    static final String PRIVATE_DATA_HIDDEN = "[PRIVATE DATA HIDDEN]";
    static final String MANAGED_USAGE_TYPE = "managed_service_instance";
    static final String USER_PROVIDED_USAGE_TYPE = "user_provided_service_instance";

    private final AuditEvents audit;
    private final ServiceUsageEvents usage;
    private final OrganizationRepository organizations;
    private final OfferedPlans plans;

    public ServiceInstanceEvents(AuditEvents audit, ServiceUsageEvents usage, OrganizationRepository organizations,
                                 OfferedPlans plans) {
        this.audit = audit;
        this.usage = usage;
        this.organizations = organizations;
        this.plans = plans;
    }

    /** {@code audit.service_instance.<event>} or {@code audit.user_provided_service_instance.<event>}. */
    public void audit(String event, AuditEvent.Actor actor, ServiceInstance instance, Space space,
                      Map<String, Object> request) {
        String type = instance.managed() ? "service_instance" : "user_provided_service_instance";
        audit.record("audit." + type + "." + event, actor, new AuditEvent.Target(instance.guid(), type,
                        instance.name()), space.guid(), space.organizationGuid(),
                Map.of("request", redacted(request, instance.managed())));
    }

    /** A usage event in {@code state} for the instance as it is now. */
    public void usage(String state, ServiceInstance instance, Space space) {
        usage.record(snapshot(state, instance, space, organizations, plans));
    }

    static ServiceUsageEvent snapshot(String state, ServiceInstance instance, Space space,
                                      OrganizationRepository organizations, OfferedPlans plans) {
        String orgGuid = organizations.find(space.organizationGuid()).map(Organization::guid)
                .orElse(space.organizationGuid());
        var plan = instance.managed() && instance.servicePlanGuid() != null
                ? plans.find(instance.servicePlanGuid()).orElse(null) : null;
        return new ServiceUsageEvent(null, null, state, space.guid(), space.name(), orgGuid, instance.guid(),
                instance.name(), instance.managed() ? MANAGED_USAGE_TYPE : USER_PROVIDED_USAGE_TYPE,
                plan == null ? null : plan.guid(), plan == null ? null : plan.name(),
                plan == null ? null : plan.offeringGuid(), plan == null ? null : plan.offeringName(),
                plan == null ? null : plan.brokerGuid(), plan == null ? null : plan.brokerName());
    }

    private static Map<String, Object> redacted(Map<String, Object> request, boolean managed) {
        Map<String, Object> copy = new LinkedHashMap<>(request == null ? Map.of() : request);
        if (managed && copy.containsKey("parameters")) {
            copy.put("parameters", PRIVATE_DATA_HIDDEN);
        }
        if (!managed && copy.containsKey("credentials")) {
            copy.put("credentials", REDACTED);
        }
        return copy;
    }
}
