package dev.capi.server.osbapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.support.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Open Service Broker API over the JDK's {@link HttpClient}: it is part of Java 17, speaks HTTP/1.1 with
 * keep-alive and timeouts, and needs no dependency. Sends the headers the reference sends (API version 2.15, basic
 * auth, request identity, originating identity); returns every HTTP answer as a {@link BrokerReply} and throws
 * {@link BrokerUnreachable} when there is none. Logs the method, the URL (never the credentials), the status and
 * the duration of every call.
 */
public final class HttpServiceBrokerClient implements ServiceBrokerClient {
    static final String API_VERSION = "2.15";
    private static final Logger LOG = LoggerFactory.getLogger(HttpServiceBrokerClient.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();

    public HttpServiceBrokerClient(Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public BrokerReply catalog(BrokerEndpoint broker) {
        return send(broker, "GET", BrokerPath.of("/v2/catalog"), null, Optional.empty());
    }

    @Override
    public BrokerReply provision(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                 Optional<String> userGuid) {
        return send(broker, "PUT", BrokerPath.instance(instanceId).acceptsIncomplete(), body, userGuid);
    }

    @Override
    public BrokerReply updateInstance(BrokerEndpoint broker, String instanceId, Map<String, Object> body,
                                      Optional<String> userGuid) {
        return send(broker, "PATCH", BrokerPath.instance(instanceId).acceptsIncomplete(), body, userGuid);
    }

    @Override
    public BrokerReply deprovision(BrokerEndpoint broker, String instanceId, String serviceId, String planId,
                                   Optional<String> userGuid) {
        return send(broker, "DELETE", BrokerPath.instance(instanceId).acceptsIncomplete()
                .query("service_id", serviceId).query("plan_id", planId), null, userGuid);
    }

    @Override
    public BrokerReply instanceLastOperation(BrokerEndpoint broker, String instanceId, String serviceId,
                                             String planId, Optional<String> operation) {
        return send(broker, "GET", BrokerPath.instance(instanceId).then("/last_operation")
                .query("service_id", serviceId).query("plan_id", planId)
                .query("operation", operation.orElse(null)), null, Optional.empty());
    }

    @Override
    public BrokerReply fetchInstance(BrokerEndpoint broker, String instanceId, Optional<String> userGuid) {
        return send(broker, "GET", BrokerPath.instance(instanceId), null, userGuid);
    }

    @Override
    public BrokerReply bind(BrokerEndpoint broker, String instanceId, String bindingId, Map<String, Object> body,
                            Optional<String> userGuid) {
        return send(broker, "PUT", BrokerPath.binding(instanceId, bindingId).acceptsIncomplete(), body, userGuid);
    }

    @Override
    public BrokerReply unbind(BrokerEndpoint broker, String instanceId, String bindingId, String serviceId,
                              String planId, Optional<String> userGuid) {
        return send(broker, "DELETE", BrokerPath.binding(instanceId, bindingId).acceptsIncomplete()
                .query("service_id", serviceId).query("plan_id", planId), null, userGuid);
    }

    @Override
    public BrokerReply bindingLastOperation(BrokerEndpoint broker, String instanceId, String bindingId,
                                            String serviceId, String planId, Optional<String> operation) {
        return send(broker, "GET", BrokerPath.binding(instanceId, bindingId).then("/last_operation")
                .query("service_id", serviceId).query("plan_id", planId)
                .query("operation", operation.orElse(null)), null, Optional.empty());
    }

    @Override
    public BrokerReply fetchBinding(BrokerEndpoint broker, String instanceId, String bindingId,
                                    Optional<String> userGuid) {
        return send(broker, "GET", BrokerPath.binding(instanceId, bindingId), null, userGuid);
    }

    @Override
    public BrokerReply planDefinitionSchema(BrokerEndpoint broker, String serviceId) {
        return send(broker, "GET", BrokerPath.offering(serviceId).then("/plan_definition_schema"), null,
                Optional.empty());
    }

    @Override
    public BrokerReply putPlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                         Map<String, Object> definition, Optional<String> userGuid) {
        return send(broker, "PUT", BrokerPath.planDefinition(serviceId, planId), definition, userGuid);
    }

    @Override
    public BrokerReply deletePlanDefinition(BrokerEndpoint broker, String serviceId, String planId,
                                            Optional<String> userGuid) {
        return send(broker, "DELETE", BrokerPath.planDefinition(serviceId, planId), null, userGuid);
    }

    private BrokerReply send(BrokerEndpoint broker, String method, BrokerPath path, Map<String, Object> body,
                             Optional<String> userGuid) {
        URI uri = path.resolveAgainst(broker.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Authorization", BrokerHeaders.basicAuth(broker))
                .header("X-Broker-API-Version", API_VERSION)
                .header("X-Broker-API-Request-Identity", requestIdentity())
                .header("Accept", "application/json");
        userGuid.ifPresent(guid -> request.header("X-Broker-API-Originating-Identity",
                BrokerHeaders.originatingIdentity(guid)));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            LOG.info("broker {} {} -> {} in {} ms", method, uri, response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return reply(response);
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(method, uri, "connection timed out", true, e);
        } catch (HttpTimeoutException e) {
            throw unreachable(method, uri, "request timed out", true, e);
        } catch (IOException e) {
            throw unreachable(method, uri, "unreachable: " + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(method, uri, "interrupted", false, e);
        }
    }

    private static BrokerUnreachable unreachable(String method, URI uri, String why, boolean timedOut, Exception e) {
        LOG.warn("broker {} {} {}", method, uri, why);
        return new BrokerUnreachable("The service broker at " + uri.getScheme() + "://" + uri.getAuthority()
                + " " + why, timedOut, e);
    }

    private static String requestIdentity() {
        String current = RequestIds.current();
        return current != null ? current : UUID.randomUUID().toString();
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("broker request body is not serialisable", e);
        }
    }

    private BrokerReply reply(HttpResponse<String> response) {
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse);
        String text = response.body();
        if (text == null || text.isBlank()) {
            return new BrokerReply(response.statusCode(), Map.of(), false, retryAfter);
        }
        try {
            Object parsed = json.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?>) {
                return new BrokerReply(response.statusCode(), new LinkedHashMap<>(json.readValue(text, JSON_OBJECT)),
                        false, retryAfter);
            }
        } catch (JsonProcessingException e) {
            // falls through: the body is present but is not a JSON object
        }
        return new BrokerReply(response.statusCode(), Map.of(), true, retryAfter);
    }
}
