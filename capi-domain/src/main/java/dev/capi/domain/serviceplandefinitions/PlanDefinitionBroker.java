package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.support.JsonText;

import java.util.Map;
import java.util.Optional;

/**
 * The OSMAPI plan definition calls and what their answers mean: a schema the broker cannot give is no schema (null);
 * a definition the broker does not accept is the broker error the reference uses for other broker calls (401
 * authentication failed, 408 and no answer in time a timeout, other 4xx a rejected request, anything else a bad
 * response with the broker's {@code description}).
 */
public final class PlanDefinitionBroker {
    private final ServiceBrokerClient client;

    public PlanDefinitionBroker(ServiceBrokerClient client) {
        this.client = client;
    }

    /** The schema, or null when the broker answered anything but 200 with a JSON object, or did not answer. */
    public Map<String, Object> schema(BrokerEndpoint broker, String serviceId) {
        try {
            BrokerReply reply = client.planDefinitionSchema(broker, serviceId);
            return reply.is(200) && !reply.malformed() && !reply.body().isEmpty() ? reply.body() : null;
        } catch (BrokerUnreachable e) {
            return null;
        }
    }

    /** Creates or replaces the definition; the broker's copy (with its created_at and resource_version). */
    public Map<String, Object> put(BrokerEndpoint broker, String serviceId, String planId,
                                   Map<String, Object> definition, Optional<String> userGuid) {
        BrokerReply reply = call(() -> client.putPlanDefinition(broker, serviceId, planId, definition, userGuid));
        if (reply.is(200) || reply.is(201)) {
            if (reply.malformed()) {
                throw CfException.of(CfError.ServiceBrokerRequestMalformed);
            }
            return reply.body().isEmpty() ? definition : reply.body();
        }
        throw failure(reply);
    }

    /** Removes the definition; one the broker no longer has (410) is removed too. */
    public void delete(BrokerEndpoint broker, String serviceId, String planId, Optional<String> userGuid) {
        BrokerReply reply = call(() -> client.deletePlanDefinition(broker, serviceId, planId, userGuid));
        if (!(reply.is(200) || reply.is(204) || reply.is(410))) {
            throw failure(reply);
        }
    }

    private static BrokerReply call(java.util.function.Supplier<BrokerReply> request) {
        try {
            return request.get();
        } catch (BrokerUnreachable e) {
            throw CfException.of(e.timedOut() ? CfError.ServiceBrokerApiTimeout : CfError.ServiceBrokerApiUnreachable);
        }
    }

    static CfException failure(BrokerReply reply) {
        int status = reply.status();
        if (status == 401) {
            return CfException.of(CfError.ServiceBrokerApiAuthenticationFailed);
        }
        if (status == 408) {
            return CfException.of(CfError.ServiceBrokerApiTimeout);
        }
        Optional<String> description = reply.string("description");
        if (status >= 400 && status <= 499 && description.isEmpty()) {
            return CfException.of(CfError.ServiceBrokerRequestRejected, String.valueOf(status));
        }
        return CfException.of(CfError.ServiceBrokerBadResponse, description.map(d -> "Service broker error: " + d)
                .orElseGet(() -> "The service broker returned an invalid response. Status Code: " + status
                        + ", Body: " + (reply.body().isEmpty() ? "" : JsonText.write(reply.body()))));
    }
}
