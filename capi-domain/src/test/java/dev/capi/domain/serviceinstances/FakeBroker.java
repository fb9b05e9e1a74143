package dev.capi.domain.serviceinstances;

import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker whose answers the test queues per call kind; every call is recorded ("provision g1", ...). */
final class FakeBroker implements ServiceBrokerClient {
    final List<String> calls = new ArrayList<>();
    final List<Map<String, Object>> bodies = new ArrayList<>();
    private final Map<String, Deque<Object>> answers = new java.util.HashMap<>();

    /** Queues an answer (a BrokerReply, or a BrokerUnreachable to throw) for the next call of that kind. */
    FakeBroker answer(String kind, Object reply) {
        answers.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(reply);
        return this;
    }

    static BrokerReply reply(int status, Map<String, Object> body) {
        return new BrokerReply(status, body, false, Optional.empty());
    }

    static BrokerReply reply(int status, Map<String, Object> body, Duration retryAfter) {
        return new BrokerReply(status, body, false, Optional.of(retryAfter));
    }

    static BrokerReply malformed(int status) {
        return new BrokerReply(status, Map.of(), true, Optional.empty());
    }

    private BrokerReply next(String kind, String instance) {
        calls.add(kind + " " + instance);
        Deque<Object> queue = answers.get(kind);
        Object answer = queue == null || queue.isEmpty() ? reply(200, Map.of()) : queue.poll();
        if (answer instanceof BrokerUnreachable e) {
            throw e;
        }
        return (BrokerReply) answer;
    }

    @Override
    public BrokerReply catalog(BrokerEndpoint broker) {
        return next("catalog", "");
    }

    @Override
    public BrokerReply provision(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                 Optional<String> userGuid) {
        bodies.add(body);
        return next("provision", instanceId);
    }

    @Override
    public BrokerReply updateInstance(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                      Optional<String> userGuid) {
        bodies.add(body);
        return next("update", instanceId);
    }

    @Override
    public BrokerReply deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                   Optional<String> userGuid) {
        return next("deprovision", instanceId);
    }

    @Override
    public BrokerReply instanceLastOperation(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                             Optional<String> operation) {
        return next("last_operation", instanceId + operation.map(o -> " op=" + o).orElse(""));
    }

    @Override
    public BrokerReply fetchInstance(BrokerEndpoint broker, String instanceId, Optional<String> userGuid) {
        return next("fetch", instanceId);
    }

    @Override
    public BrokerReply bind(BrokerEndpoint broker, String instanceId, String bindingId, Map<String, Object> body,
                            Optional<String> userGuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply unbind(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId,
                              String planId, Optional<String> userGuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply bindingLastOperation(BrokerEndpoint broker, String instanceId, String bindingId,
                                            String serviceId, String planId, Optional<String> operation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply fetchBinding(BrokerEndpoint broker, String instanceId, String bindingId,
                                    Optional<String> userGuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply planDefinitionSchema(BrokerEndpoint broker, String serviceId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply putPlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                         Map<String, Object> definition, Optional<String> userGuid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BrokerReply deletePlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                            Optional<String> userGuid) {
        throw new UnsupportedOperationException();
    }
}
