package dev.capi.server.osbapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.capi.domain.osbapi.BrokerEndpoint;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.domain.osbapi.BrokerUnreachable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against a recording HTTP server: what it sends, and how it turns every answer into data. */
class HttpServiceBrokerClientTest {
    record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile String retryAfter;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;
    private BrokerEndpoint broker;
    private final HttpServiceBrokerClient client =
            new HttpServiceBrokerClient(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        broker = new BrokerEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/broker/", "user",
                "s3cret:pw");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void sendsTheReferenceHeadersAndBasicAuth() {
        client.provision(broker, "si-1", Map.of("service_id", "svc"), Optional.of("user-guid-1"));

        Seen request = seen.get(0);
        assertThat(request.header("X-Broker-API-Version")).isEqualTo("2.15");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("user:s3cret:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("X-Broker-API-Request-Identity")).isNotBlank();
        String identity = request.header("X-Broker-API-Originating-Identity");
        assertThat(identity).startsWith("cloudfoundry ");
        assertThat(new String(Base64.getDecoder().decode(identity.substring("cloudfoundry ".length())),
                StandardCharsets.UTF_8)).isEqualTo("{\"user_id\":\"user-guid-1\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void buildsEachOperationsPathAndQueryUnderTheBrokersUrl() {
        client.catalog(broker);
        client.provision(broker, "si 1", Map.of("plan_id", "p"), Optional.empty());
        client.updateInstance(broker, "si-1", Map.of(), Optional.empty());
        client.deprovision(broker, "si-1", "svc&1", "plan-1", Optional.empty());
        client.instanceLastOperation(broker, "si-1", "svc", "plan", Optional.of("op 7"));
        client.bind(broker, "si-1", "b-1", Map.of(), Optional.empty());
        client.unbind(broker, "si-1", "b-1", "svc", "plan", Optional.empty());
        client.bindingLastOperation(broker, "si-1", "b-1", "svc", "plan", Optional.empty());
        client.fetchInstance(broker, "si-1", Optional.empty());
        client.fetchBinding(broker, "si-1", "b-1", Optional.empty());

        assertThat(seen).extracting(s -> s.method() + " " + s.uri()).containsExactly(
                "GET /broker/v2/catalog",
                "PUT /broker/v2/service_instances/si%201?accepts_incomplete=true",
                "PATCH /broker/v2/service_instances/si-1?accepts_incomplete=true",
                "DELETE /broker/v2/service_instances/si-1?accepts_incomplete=true&service_id=svc%261&plan_id=plan-1",
                "GET /broker/v2/service_instances/si-1/last_operation?service_id=svc&plan_id=plan&operation=op%207",
                "PUT /broker/v2/service_instances/si-1/service_bindings/b-1?accepts_incomplete=true",
                "DELETE /broker/v2/service_instances/si-1/service_bindings/b-1?accepts_incomplete=true&service_id=svc&plan_id=plan",
                "GET /broker/v2/service_instances/si-1/service_bindings/b-1/last_operation?service_id=svc&plan_id=plan",
                "GET /broker/v2/service_instances/si-1",
                "GET /broker/v2/service_instances/si-1/service_bindings/b-1");
        assertThat(seen.get(1).body()).isEqualTo("{\"plan_id\":\"p\"}");
        assertThat(seen.get(0).header("X-Broker-API-Originating-Identity")).isNull();
    }

    @Test
    void sendsTheOsmapiPlanDefinitionCallsUnderTheOffering() {
        client.planDefinitionSchema(broker, "svc 1");
        client.putPlanDefinition(broker, "svc 1", "plan/1", Map.of("name", "gold"), Optional.of("user-guid-1"));
        client.deletePlanDefinition(broker, "svc 1", "plan/1", Optional.empty());

        assertThat(seen).extracting(s -> s.method() + " " + s.uri()).containsExactly(
                "GET /broker/v2/service_offerings/svc%201/plan_definition_schema",
                "PUT /broker/v2/service_offerings/svc%201/plan_definitions/plan%2F1",
                "DELETE /broker/v2/service_offerings/svc%201/plan_definitions/plan%2F1");
        assertThat(seen.get(1).body()).isEqualTo("{\"name\":\"gold\"}");
        assertThat(seen.get(1).header("X-Broker-API-Originating-Identity")).startsWith("cloudfoundry ");
        assertThat(seen.get(2).header("X-Broker-API-Version")).isEqualTo("2.15");
    }

    @Test
    void returnsEveryStatusWithItsParsedBodyAndRetryAfter() {
        status = 202;
        answer = "{\"operation\":\"op-1\",\"dashboard_url\":\"http://dash\"}";
        retryAfter = "7";

        BrokerReply reply = client.provision(broker, "si-1", Map.of(), Optional.empty());

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.string("operation")).contains("op-1");
        assertThat(reply.malformed()).isFalse();
        assertThat(reply.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsMalformedAndAnEmptyOneIsNot() {
        status = 201;
        answer = "<html>oops</html>";
        assertThat(client.provision(broker, "si-1", Map.of(), Optional.empty()).malformed()).isTrue();
        answer = "[1,2]";
        assertThat(client.provision(broker, "si-1", Map.of(), Optional.empty()).malformed()).isTrue();
        status = 500;
        answer = "";
        BrokerReply empty = client.provision(broker, "si-1", Map.of(), Optional.empty());
        assertThat(empty.malformed()).isFalse();
        assertThat(empty.body()).isEmpty();
        assertThat(empty.status()).isEqualTo(500);
    }

    @Test
    void aBrokerThatDoesNotAnswerInTimeIsUnreachableAndTimedOut() {
        hang = true;
        assertThatThrownBy(() -> client.provision(broker, "si-1", Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(BrokerUnreachable.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
    }

    @Test
    void aRefusedConnectionIsUnreachableAndNotATimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new BrokerEndpoint("http://127.0.0.1:" + closedPort, "u", "p");
        assertThatThrownBy(() -> client.catalog(nowhere))
                .isInstanceOfSatisfying(BrokerUnreachable.class, e -> assertThat(e.timedOut()).isFalse());
    }
}
