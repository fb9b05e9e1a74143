package dev.capi.rest.v3.serviceinstances;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.model.ServiceInstance;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

import java.util.Objects;

/** Service instance JSON, as the reference presents it (same keys, same order; managed and user-provided). */
public final class ServiceInstancePresenter {
    private ServiceInstancePresenter() {
    }

    /** {@code plan} is the instance's plan (for {@code upgrade_available}); null for user-provided instances. */
    public static ObjectNode present(ServiceInstance si, OfferedPlans.OfferedPlan plan, Links links) {
        ObjectNode node = JsonSupport.resource(si.guid(), si.createdAt(), si.updatedAt());
        node.put("name", si.name());
        var tags = node.putArray("tags");
        si.tags().forEach(tags::add);
        node.set("last_operation", lastOperation(si.lastOperation()));
        String self = "/v3/service_instances/" + si.guid();
        if (si.managed()) {
            node.put("type", ServiceInstance.MANAGED);
            node.set("maintenance_info", JsonSupport.MAPPER.valueToTree(si.maintenanceInfo()));
            Object planVersion = plan == null ? null : plan.maintenanceVersion();
            node.put("upgrade_available", !Objects.equals(si.maintenanceInfo().get("version"), planVersion));
            if (si.dashboardUrl() == null) {
                node.putNull("dashboard_url");
            } else {
                node.put("dashboard_url", si.dashboardUrl());
            }
        } else {
            node.put("type", ServiceInstance.USER_PROVIDED);
            putNullable(node, "syslog_drain_url", si.syslogDrainUrl());
            putNullable(node, "route_service_url", si.routeServiceUrl());
        }
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("space", MetadataPresenter.relationship(si.spaceGuid()));
        if (si.managed()) {
            relationships.set("service_plan", MetadataPresenter.relationship(si.servicePlanGuid()));
        }
        node.set("metadata", MetadataPresenter.present(si.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href(self));
        l.set("space", links.href("/v3/spaces/" + si.spaceGuid()));
        l.set("service_credential_bindings",
                links.href("/v3/service_credential_bindings?service_instance_guids=" + si.guid()));
        l.set("service_route_bindings", links.href("/v3/service_route_bindings?service_instance_guids=" + si.guid()));
        if (si.managed()) {
            l.set("service_plan", links.href("/v3/service_plans/" + si.servicePlanGuid()));
            l.set("parameters", links.href(self + "/parameters"));
            l.set("shared_spaces", links.href(self + "/relationships/shared_spaces"));
        } else {
            l.set("credentials", links.href(self + "/credentials"));
        }
        return node;
    }

    /** {@code {type, state, description, updated_at, created_at}}, or {@code {}} when there is none. */
    static ObjectNode lastOperation(ServiceInstance.LastOperation op) {
        ObjectNode node = JsonSupport.object();
        if (op == null) {
            return node;
        }
        node.put("type", op.type());
        node.put("state", op.state());
        putNullable(node, "description", op.description());
        node.put("updated_at", JsonSupport.timestamp(op.updatedAt()));
        node.put("created_at", JsonSupport.timestamp(op.createdAt()));
        return node;
    }

    private static void putNullable(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
