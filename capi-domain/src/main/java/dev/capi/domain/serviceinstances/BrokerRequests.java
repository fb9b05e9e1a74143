package dev.capi.domain.serviceinstances;

import dev.capi.model.Metadata;
import dev.capi.model.ServiceInstance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of a managed instance's provision and update requests, as the reference sends them: catalog ids, org
 * and space, the context (names and public annotations), parameters and maintenance_info.
 */
final class BrokerRequests {
    private final ServiceInstanceContext ctx;

    BrokerRequests(ServiceInstanceContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> provisionBody(ServiceInstance si, InstanceTarget t, Map<String, Object> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_id", t.plan().offeringCatalogId());
        body.put("plan_id", t.plan().catalogId());
        body.put("organization_guid", t.space().organizationGuid());
        body.put("space_guid", t.space().guid());
        Map<String, Object> context = context(t, si.name());
        context.put("instance_annotations", publicAnnotations(si.metadata()));
        body.put("context", context);
        if (request.get("parameters") instanceof Map<?, ?> p && !p.isEmpty()) {
            body.put("parameters", p);
        }
        if (!t.plan().maintenanceInfo().isEmpty()) {
            body.put("maintenance_info", t.plan().maintenanceInfo());
        }
        return body;
    }

    Map<String, Object> updateBody(ServiceInstance si, InstanceTarget t, Map<String, Object> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        String planGuid = request.get("service_plan_guid") instanceof String p ? p : si.servicePlanGuid();
        var newPlan = ctx.plans().find(planGuid).orElse(t.plan());
        body.put("service_id", t.plan().offeringCatalogId());
        body.put("plan_id", newPlan.catalogId());
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("plan_id", t.plan().catalogId());
        previous.put("service_id", t.plan().offeringCatalogId());
        previous.put("organization_id", t.space().organizationGuid());
        previous.put("space_id", t.space().guid());
        if (!si.maintenanceInfo().isEmpty()) {
            previous.put("maintenance_info", si.maintenanceInfo());
        }
        body.put("previous_values", previous);
        body.put("context", context(t, request.get("name") instanceof String n ? n : si.name()));
        if (request.get("parameters") instanceof Map<?, ?> p) {
            body.put("parameters", p);
        }
        if (request.get("maintenance_info") instanceof Map<?, ?> m) {
            body.put("maintenance_info", m);
        }
        return body;
    }

    private static Map<String, Object> context(InstanceTarget t, String name) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("platform", "cloudfoundry");
        context.put("organization_guid", t.space().organizationGuid());
        context.put("space_guid", t.space().guid());
        context.put("organization_name", t.org() == null ? "" : t.org().name());
        context.put("space_name", t.space().name());
        context.put("organization_annotations", t.org() == null ? Map.of() : publicAnnotations(t.org().metadata()));
        context.put("space_annotations", publicAnnotations(t.space().metadata()));
        context.put("instance_name", name);
        return context;
    }

    /** Annotations with a prefix ({@code example.com/key}), the only ones the reference sends to brokers. */
    private static Map<String, Object> publicAnnotations(Metadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.annotations().forEach((k, v) -> {
            if (k.contains("/")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
