package dev.capi.domain.fakes;

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

/**
 * A broker in memory. The catalog answers from a table per broker URL (unreachable when none; {@link #asked} logs the
 * endpoints asked). Binding calls take the next scripted reply for their operation (bind, unbind,
 * bindingLastOperation, fetchBinding), else a default success; each is recorded as "operation binding-id". Instance
 * calls are not served here.
 */
public final class FakeBrokerClient implements ServiceBrokerClient {
    public final List<String> calls = new ArrayList<>();
    public final List<Map<String, Object>> bindBodies = new ArrayList<>();
    private final Map<String, Deque<Object>> script = new java.util.HashMap<>();
    private final Map<String, BrokerReply> catalogs = new java.util.HashMap<>();
    public final List<BrokerEndpoint> asked = new ArrayList<>();

    public FakeBrokerClient catalog(String url, Map<String, Object> body) {
        catalogs.put(url, new BrokerReply(200, body, false, Optional.empty()));
        return this;
    }

    public FakeBrokerClient reply(String url, BrokerReply reply) {
        catalogs.put(url, reply);
        return this;
    }

    public static BrokerReply reply(int status, Map<String, Object> body) {
        return new BrokerReply(status, body, false, Optional.empty());
    }

    public static BrokerReply reply(int status, Map<String, Object> body, Duration retryAfter) {
        return new BrokerReply(status, body, false, Optional.of(retryAfter));
    }

    /** Scripts the next answers of one operation: {@link BrokerReply}s or {@link BrokerUnreachable}s. */
    public synchronized FakeBrokerClient then(String operation, Object... answers) {
        script.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public synchronized long count(String operation) {
        return calls.stream().filter(c -> c.startsWith(operation + " ")).count();
    }

    private synchronized BrokerReply answer(String operation, String id, BrokerReply fallback) {
        calls.add(operation + " " + id);
        Deque<Object> queue = script.get(operation);
        Object next = queue == null || queue.isEmpty() ? fallback : queue.poll();
        if (next instanceof BrokerUnreachable e) {
            throw e;
        }
        return (BrokerReply) next;
    }

    @Override
    public BrokerReply catalog(BrokerEndpoint broker) {
        asked.add(broker);
        BrokerReply reply = catalogs.get(broker.url());
        if (reply == null) {
            throw new BrokerUnreachable("no broker at " + broker.url(), false, null);
        }
        return reply;
    }

    @Override
    public BrokerReply provision(BrokerEndpoint b, String id, Map<String, Object> body, Optional<String> user) {
        throw new UnsupportedOperationException("provision");
    }

    @Override
    public BrokerReply updateInstance(BrokerEndpoint b, String id, Map<String, Object> body, Optional<String> user) {
        throw new UnsupportedOperationException("update");
    }

    @Override
    public BrokerReply deprovision(BrokerEndpoint b, String id, String s, String p, Optional<String> user) {
        throw new UnsupportedOperationException("deprovision");
    }

    @Override
    public BrokerReply instanceLastOperation(BrokerEndpoint b, String id, String s, String p, Optional<String> op) {
        throw new UnsupportedOperationException("instanceLastOperation");
    }

    @Override
    public BrokerReply fetchInstance(BrokerEndpoint b, String id, Optional<String> user) {
        throw new UnsupportedOperationException("fetchInstance");
    }

    @Override
    public BrokerReply bind(BrokerEndpoint b, String instanceId, String bindingId, Map<String, Object> body,
                            Optional<String> user) {
        synchronized (this) {
            bindBodies.add(body);
        }
        return answer("bind", bindingId, reply(201, Map.of("credentials", Map.of("uri", "db://" + bindingId))));
    }

    @Override
    public BrokerReply unbind(BrokerEndpoint b, String instanceId, String bindingId, String s, String p,
                              Optional<String> user) {
        return answer("unbind", bindingId, reply(200, Map.of()));
    }

    @Override
    public BrokerReply bindingLastOperation(BrokerEndpoint b, String instanceId, String bindingId, String s,
                                            String p, Optional<String> op) {
        return answer("bindingLastOperation", bindingId, reply(200, Map.of("state", "succeeded")));
    }

    @Override
    public BrokerReply fetchBinding(BrokerEndpoint b, String instanceId, String bindingId, Optional<String> user) {
        return answer("fetchBinding", bindingId, reply(200, Map.of("credentials", Map.of("uri", "db://fetched"),
                "parameters", Map.of("size", "small"))));
    }
}
