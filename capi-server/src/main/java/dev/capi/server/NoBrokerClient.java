package dev.capi.server;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;

import java.util.Map;
import java.util.Optional;

/**
 * The broker client of a Cloud Controller built without one ({@link CloudController.Builder#serviceBrokerClient}):
 * every broker is unreachable, so managed-service work fails with the reference's "could not be reached" errors
 * instead of pretending to succeed. User-provided instances need no broker.
 */
final class NoBrokerClient implements ServiceBrokerClient {
    private static BrokerReply none(BrokerEndpoint broker) {
        throw new BrokerUnreachable("No service broker client is configured: " + broker.url(), false, null);
    }

    @Override
    public BrokerReply catalog(BrokerEndpoint broker) {
        return none(broker);
    }

    @Override
    public BrokerReply provision(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                 Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply updateInstance(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                      Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                   Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply instanceLastOperation(BrokerEndpoint broker, String instanceId, String serviceId,
                                             String planId, Optional<String> operation) {
        return none(broker);
    }

    @Override
    public BrokerReply fetchInstance(BrokerEndpoint broker, String instanceId, Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply bind(BrokerEndpoint broker, String instanceId, String bindingId, Map<String, Object> body,
                            Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply unbind(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId,
                              String planId, Optional<String> userGuid) {
        return none(broker);
    }

    @Override
    public BrokerReply bindingLastOperation(BrokerEndpoint broker, String instanceId, String bindingId,
                                            String serviceId, String planId, Optional<String> operation) {
        return none(broker);
    }

    @Override
    public BrokerReply fetchBinding(BrokerEndpoint broker, String instanceId, String bindingId,
                                    Optional<String> userGuid) {
        return none(broker);
    }
}
