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
 * calls are not served here. OSMAPI plan definitions (planDefinitionSchema, putPlanDefinition, deletePlanDefinition)
 * take scripted replies too, else behave as a broker does: a PUT keeps the definition and adds its plan to the
 * offering in that broker's catalog, a DELETE removes both; the schema is answered for offerings named in
 * {@link #schemas}.
 */
public final class FakeBrokerClient implements ServiceBrokerClient {
    public final List<String> calls = new ArrayList<>();
    public final List<Map<String, Object>> bindBodies = new ArrayList<>();
    private final Map<String, Deque<Object>> script = new java.util.HashMap<>();
    private final Map<String, BrokerReply> catalogs = new java.util.HashMap<>();
    public final List<BrokerEndpoint> asked = new ArrayList<>();
    /** Plan definitions kept by PUT, by "broker-url service-id plan-id". */
    public final Map<String, Map<String, Object>> definitions = new java.util.LinkedHashMap<>();
    /** The plan definition schema of an offering, by service id. */
    public final Map<String, Map<String, Object>> schemas = new java.util.HashMap<>();

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
        return reply.status() == 200 ? withDefinedPlans(broker.url(), reply) : reply;
    }

    @SuppressWarnings("unchecked")
    private synchronized BrokerReply withDefinedPlans(String url, BrokerReply reply) {
        var services = new ArrayList<Map<String, Object>>();
        for (Object o : (List<Object>) reply.body().getOrDefault("services", List.of())) {
            var service = new java.util.LinkedHashMap<>((Map<String, Object>) o);
            var plans = new ArrayList<Object>((List<Object>) service.getOrDefault("plans", List.of()));
            definitions.forEach((key, d) -> {
                if (key.equals(url + " " + service.get("id") + " " + d.get("plan_id"))) {
                    plans.add(Map.of("id", d.get("plan_id"), "name", d.get("name"), "description",
                            d.get("description")));
                }
            });
            service.put("plans", plans);
            services.add(service);
        }
        return new BrokerReply(200, Map.of("services", services), false, Optional.empty());
    }

    @Override
    public BrokerReply planDefinitionSchema(BrokerEndpoint b, String serviceId) {
        Map<String, Object> schema = schemas.get(serviceId);
        return answer("planDefinitionSchema", serviceId, schema == null
                ? reply(404, Map.of("description", "plan definitions are not supported")) : reply(200, schema));
    }

    @Override
    public BrokerReply putPlanDefinition(BrokerEndpoint b, String serviceId, String planId,
                                         Map<String, Object> definition, Optional<String> user) {
        BrokerReply reply = answer("putPlanDefinition", planId, null);
        if (reply != null) {
            return reply;
        }
        synchronized (this) {
            var kept = new java.util.LinkedHashMap<>(definition);
            kept.put("created_at", "2026-01-01T00:00:00Z");
            kept.put("resource_version", String.valueOf(definitions.size() + 1));
            boolean existed = definitions.put(b.url() + " " + serviceId + " " + planId, kept) != null;
            return reply(existed ? 200 : 201, kept);
        }
    }

    @Override
    public BrokerReply deletePlanDefinition(BrokerEndpoint b, String serviceId, String planId,
                                            Optional<String> user) {
        BrokerReply reply = answer("deletePlanDefinition", planId, null);
        if (reply != null) {
            return reply;
        }
        synchronized (this) {
            return definitions.remove(b.url() + " " + serviceId + " " + planId) != null ? reply(200, Map.of())
                    : reply(410, Map.of());
        }
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
