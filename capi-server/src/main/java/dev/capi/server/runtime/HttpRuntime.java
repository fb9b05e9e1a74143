package dev.capi.server.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.domain.runtime.StagingRequest;
import dev.capi.domain.runtime.TaskRequest;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime port spoken over HTTP to an external component that stages and runs apps (Diego's role). The protocol
 * (docs/RUNTIME.md) is JSON with snake_case fields of the domain's records; staging and task requests carry the
 * internal API URL to call back when they finish ({@code build_completed}, {@code tasks/:guid/completed}). Failing
 * to reach the runtime, or a 5xx from it, is a {@link RuntimeUnavailableException} (the API answers 503).
 */
public final class HttpRuntime implements Runtime {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = mapper();

    private final URI base;
    private final String callbackBase;
    private final HttpClient http;

    /**
     * @param base         the runtime's URL, e.g. {@code https://runtime.internal:8443}
     * @param callbackBase this Cloud Controller's internal API URL, for completion callbacks
     * @param tls          for {@code https} runtimes: our client certificate and the CA we trust (null for http)
     */
    public HttpRuntime(URI base, String callbackBase, SSLContext tls) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.callbackBase = callbackBase.endsWith("/") ? callbackBase.substring(0, callbackBase.length() - 1)
                : callbackBase;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    @Override
    public void stage(StagingRequest request) {
        ObjectNode body = JSON.valueToTree(request);
        body.put("completion_callback", callbackBase + "/internal/v3/staging/" + request.buildGuid()
                + "/build_completed");
        send("POST", "v1/stagings/" + encode(request.buildGuid()), body);
    }

    @Override
    public void desire(DesiredProcess process) {
        send("PUT", "v1/processes/" + encode(process.processGuid()), JSON.valueToTree(process));
    }

    @Override
    public void stop(String processGuid) {
        send("DELETE", "v1/processes/" + encode(processGuid), null);
    }

    @Override
    public boolean stopInstance(String processGuid, int index) {
        return send("DELETE", "v1/processes/" + encode(processGuid) + "/instances/" + index, null)
                .statusCode() != 404;
    }

    @Override
    public void runTask(TaskRequest task) {
        ObjectNode body = JSON.valueToTree(task);
        body.put("completion_callback", callbackBase + "/internal/v4/tasks/" + task.taskGuid() + "/completed");
        send("POST", "v1/tasks/" + encode(task.taskGuid()), body);
    }

    @Override
    public void cancelTask(String taskGuid) {
        send("DELETE", "v1/tasks/" + encode(taskGuid), null);
    }

    @Override
    public List<InstanceReport> instances(String processGuid) {
        return instances(List.of(processGuid)).getOrDefault(processGuid, List.of());
    }

    /** One request for many processes: {@code POST v1/instances {"process_guids": [...]}}. */
    @Override
    public Map<String, List<InstanceReport>> instances(List<String> processGuids) {
        HttpResponse<String> response = send("POST", "v1/instances",
                JSON.valueToTree(Map.of("process_guids", processGuids)));
        try {
            InstancesResponse parsed = JSON.readValue(response.body(), InstancesResponse.class);
            Map<String, List<InstanceReport>> result = new LinkedHashMap<>();
            processGuids.forEach(g -> result.put(g, parsed.processes().getOrDefault(g, List.of())));
            return result;
        } catch (IOException e) {
            throw new RuntimeUnavailableException("The runtime answered an unreadable instances report: "
                    + e.getMessage(), e);
        }
    }

    record InstancesResponse(Map<String, List<InstanceReport>> processes) {
        InstancesResponse {
            processes = processes == null ? Map.of() : processes;
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 500 || (status >= 400 && status != 404)) {
                throw new RuntimeUnavailableException("The runtime answered " + method + " " + path + " with "
                        + status + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new RuntimeUnavailableException("The runtime at " + base + " cannot be reached: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeUnavailableException("Interrupted while calling the runtime", e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    /** The wire mapper: snake_case record fields, instants as ISO-8601 strings, unknown fields ignored. */
    static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.toString());
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(instants)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
