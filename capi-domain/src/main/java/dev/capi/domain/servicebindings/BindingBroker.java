package dev.capi.domain.servicebindings;

import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The broker requests of bindings: bind (with service and plan ids, app guid, bind resource, context and the requested
 * parameters), unbind, last_operation and fetch; each answer read by {@link BrokerReplies}. Orphan mitigation is the
 * unbind the reference sends after a bind whose outcome is unknown (timeout, bad response); its own answer is ignored.
 */
final class BindingBroker {
    private final BindingContext c;

    BindingBroker(BindingContext c) {
        this.c = c;
    }

    private ServiceBrokerClient client() {
        return c.brokers();
    }

    BrokerOutcome bind(BindableInstance instance, BindingKind.Row row, BindingRequest request, boolean route) {
        var plan = instance.plan();
        var body = new LinkedHashMap<String, Object>();
        body.put("service_id", plan.offeringCatalogId());
        body.put("plan_id", plan.planCatalogId());
        if (row.appGuid() != null) {
            body.put("app_guid", row.appGuid());
        }
        body.put("bind_resource", row.bindResource());
        body.put("context", context(instance));
        if (request != null && request.parameters() != null && !request.parameters().isEmpty()) {
            body.put("parameters", request.parameters());
        }
        try {
            BrokerReply reply = client().bind(plan.broker(), instance.guid(), row.guid(), body, user(request));
            return BrokerReplies.bind(reply, plan, route);
        } catch (BrokerUnreachable e) {
            return BrokerReplies.unreachable(e, plan.broker().url());
        }
    }

    BrokerOutcome unbind(BindableInstance instance, String bindingGuid, BindingRequest request) {
        var plan = instance.plan();
        try {
            return BrokerReplies.unbind(client().unbind(plan.broker(), instance.guid(), bindingGuid,
                    plan.offeringCatalogId(), plan.planCatalogId(), user(request)));
        } catch (BrokerUnreachable e) {
            return BrokerReplies.unreachable(e, plan.broker().url());
        }
    }

    /** Orphan mitigation: asks the broker to remove a binding it may hold; whatever it answers is accepted. */
    void mitigateOrphan(BindableInstance instance, String bindingGuid, BindingRequest request) {
        unbind(instance, bindingGuid, request);
    }

    BrokerOutcome.Progress lastOperation(BindableInstance instance, BindingKind.Row row, boolean deleting) {
        var plan = instance.plan();
        try {
            return BrokerReplies.lastOperation(client().bindingLastOperation(plan.broker(), instance.guid(),
                    row.guid(), plan.offeringCatalogId(), plan.planCatalogId(),
                    Optional.ofNullable(row.brokerOperation())), deleting);
        } catch (BrokerUnreachable e) {
            return new BrokerOutcome.Progress("in progress", null, Optional.empty());
        }
    }

    /** After an async bind succeeded: the binding as the broker holds it (credentials, drain, route service URL). */
    BrokerOutcome fetch(BindableInstance instance, String bindingGuid, BindingRequest request, boolean route) {
        var plan = instance.plan();
        try {
            BrokerReply reply = client().fetchBinding(plan.broker(), instance.guid(), bindingGuid, user(request));
            if (reply.status() != 200) {
                return new BrokerOutcome.Failed("The service broker returned an invalid response. Status Code: "
                        + reply.status(), false);
            }
            return BrokerReplies.bind(reply, plan, route);
        } catch (BrokerUnreachable e) {
            return BrokerReplies.unreachable(e, plan.broker().url());
        }
    }

    private static Optional<String> user(BindingRequest request) {
        return request == null ? Optional.empty() : Optional.ofNullable(request.actorGuid());
    }

    private Map<String, Object> context(BindableInstance instance) {
        var m = new LinkedHashMap<String, Object>();
        m.put("platform", "cloudfoundry");
        Space space = c.spaces().find(instance.spaceGuid()).orElse(null);
        if (space != null) {
            m.put("organization_guid", space.organizationGuid());
            m.put("organization_name", c.organizations().find(space.organizationGuid()).map(Organization::name)
                    .orElse(""));
            m.put("space_guid", space.guid());
            m.put("space_name", space.name());
        }
        m.put("instance_name", instance.name());
        return m;
    }
}
