package dev.capi.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.domain.runtime.StagingRequest;
import dev.capi.domain.runtime.TaskRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP runtime adapter against a fake runtime that records what it is sent and answers as configured. */
class HttpRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, String path, JsonNode body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private volatile String answer = "{}";
    private HttpServer server;
    private HttpRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    in.length == 0 ? null : JSON.readTree(in)));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        runtime = new HttpRuntime(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "https://cc.internal:9023/", null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void stagingSendsTheRequestInSnakeCaseWithTheCompletionCallback() {
        runtime.stage(new StagingRequest("build-1", "app-1", "pkg-1", "buildpack", List.of("ruby_buildpack"),
                "cflinuxfs4", 1024, 2048, -1, Map.of("A", "b")));

        Call call = calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/stagings/build-1");
        assertThat(call.body().path("package_guid").asText()).isEqualTo("pkg-1");
        assertThat(call.body().path("memory_in_mb").asLong()).isEqualTo(1024);
        assertThat(call.body().path("buildpacks").get(0).asText()).isEqualTo("ruby_buildpack");
        assertThat(call.body().path("environment").path("A").asText()).isEqualTo("b");
        assertThat(call.body().path("completion_callback").asText())
                .isEqualTo("https://cc.internal:9023/internal/v3/staging/build-1/build_completed");
    }

    @Test
    void desireStopAndTasksUseTheirPaths() {
        runtime.desire(new DesiredProcess("proc-1", "v2", "app-1", "web", "drop-1", "run", null, 3, 256, 1024, -1,
                16384, "port", null, null, null, Map.of()));
        runtime.stop("proc-1");
        runtime.runTask(new TaskRequest("task-1", "app-1", "drop-1", "rake db:migrate", 256, 1024, -1, Map.of()));
        runtime.cancelTask("task-1");

        assertThat(calls).extracting(Call::method, Call::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PUT", "/v1/processes/proc-1"),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/v1/processes/proc-1"),
                org.assertj.core.groups.Tuple.tuple("POST", "/v1/tasks/task-1"),
                org.assertj.core.groups.Tuple.tuple("DELETE", "/v1/tasks/task-1"));
        assertThat(calls.get(0).body().path("instances").asInt()).isEqualTo(3);
        assertThat(calls.get(0).body().path("health_check_type").asText()).isEqualTo("port");
        assertThat(calls.get(2).body().path("completion_callback").asText())
                .isEqualTo("https://cc.internal:9023/internal/v4/tasks/task-1/completed");
    }

    @Test
    void stoppingAnUnknownInstanceIsFalse() {
        status = 404;
        assertThat(runtime.stopInstance("proc-1", 7)).isFalse();
        assertThat(calls.get(0).path()).isEqualTo("/v1/processes/proc-1/instances/7");
        status = 204;
        answer = "";
        assertThat(runtime.stopInstance("proc-1", 0)).isTrue();
    }

    @Test
    void instancesAreReadFromOneBatchedReport() {
        status = 200;
        answer = """
                {"processes": {"proc-1": [{"index": 0, "instance_guid": "i-0", "state": "RUNNING",
                  "since": "2026-11-24T04:00:00Z", "routable": true, "host": "10.0.0.1", "internal_ip": "10.255.0.2",
                  "ports": [{"external": 61000, "internal": 8080}], "mem_quota_bytes": 1048576,
                  "disk_quota_bytes": 2097152, "log_rate_limit": -1, "fds_quota": 16384,
                  "usage": {"time": "2026-11-24T04:01:00Z", "cpu": 0.5, "mem": 1024, "disk": 2048}}]},
                 "ignored": true}""";

        Map<String, List<InstanceReport>> reports = runtime.instances(List.of("proc-1", "proc-2"));

        assertThat(calls.get(0).body().path("process_guids").toString()).isEqualTo("[\"proc-1\",\"proc-2\"]");
        InstanceReport first = reports.get("proc-1").get(0);
        assertThat(first.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(first.since()).isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
        assertThat(first.ports().get(0).external()).isEqualTo(61000);
        assertThat(first.usage().cpu()).isEqualTo(0.5);
        assertThat(reports.get("proc-2")).isEmpty();
    }

    @Test
    void serverErrorsAndUnreachableRuntimesAreUnavailable() throws IOException {
        status = 500;
        answer = "boom";
        assertThatThrownBy(() -> runtime.stop("proc-1")).isInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("500");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HttpRuntime unreachable = new HttpRuntime(URI.create("http://127.0.0.1:" + closedPort), "https://cc", null);
        assertThatThrownBy(() -> unreachable.instances("proc-1")).isInstanceOf(RuntimeUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }
}
