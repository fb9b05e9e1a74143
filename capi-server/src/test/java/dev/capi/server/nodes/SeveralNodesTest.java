package dev.capi.server.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.assembly.SweeperSettings;
import dev.capi.persistence.Database;
import dev.capi.persistence.identity.JdbiAccountStore;
import dev.capi.persistence.identity.JdbiSigningKeyStore;
import dev.capi.server.CloudController;
import dev.capi.server.NodeSettings;
import dev.capi.server.identity.BuiltInIdentityProvider;
import dev.capi.server.identity.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Cloud Controllers (own blobstore views of one shared directory, own pools) on one PostgreSQL database behave as
 * one: a token issued by one is accepted by the other, what one creates the other lists, every job runs exactly once,
 * a job held by a node that dies is finished by the other, and periodic work never runs on both at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXTERNAL_URL = "http://capi.example.test";
    private static final String ADMIN_PASSWORD = "several-nodes-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlobCalls blobCalls = new BlobCalls();
    private final List<Node> nodes = new ArrayList<>();
    private String admin;
    private String pgName;
    private Path blobs;

    /** One node: its pool, its Cloud Controller and where it listens. */
    private record Node(String name, Database database, CloudController controller, String base) {
    }

    @BeforeAll
    void startTwoNodes() throws Exception {
        admin = System.getenv("CAPI_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(admin != null && !admin.isBlank(),
                "skipped: several nodes need PostgreSQL (set CAPI_TEST_POSTGRES_URL)");
        pgName = "capi_nodes_" + UUID.randomUUID().toString().replace("-", "");
        sql(admin, "CREATE DATABASE " + pgName);
        blobs = Files.createTempDirectory("capi-nodes-blobs");
        nodes.add(startNode("node-a"));
        nodes.add(startNode("node-b"));
    }

    private Node startNode(String name) {
        Database database = Database.open(withDatabase(admin, pgName), null, null, 6);
        var accounts = new JdbiAccountStore(database.jdbi());
        var identity = new BuiltInIdentityProvider(accounts,
                SigningKeys.shared(new JdbiSigningKeyStore(database.jdbi(), Clock.systemUTC()), null),
                EXTERNAL_URL + "/uaa", Clock.systemUTC(), List.of());
        identity.ensureAdmin("admin", ADMIN_PASSWORD);
        var controller = CloudController.builder().database(database).externalUrl(EXTERNAL_URL)
                .blobStore(new GatedBlobStore(new LocalDiskBlobStore(blobs), name, blobCalls))
                .tokenVerifier(identity.tokenVerifier()).component(identity.uaaEndpoints())
                .nodes(NodeSettings.defaults().withName(name).withPollInterval(Duration.ofMillis(100))
                        .withHeartbeat(Duration.ofSeconds(1), 4))
                .sweepers(SweeperSettings.defaults().withInterval(Duration.ofMillis(200))
                        .withOrphanBlobs(Duration.ofMillis(200), Duration.ofHours(24)))
                .build();
        int port = controller.start("127.0.0.1", 0);
        return new Node(name, database, controller, "http://127.0.0.1:" + port);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (Node node : nodes) {
            node.controller().close();
            node.database().close();
        }
        if (pgName != null) {
            sql(admin, "DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
        }
    }

    @Test
    @Order(1)
    void aTokenIssuedByOneNodeIsAcceptedByTheOther() throws Exception {
        String token = token(nodes.get(0));
        assertThat(send(nodes.get(1), token, "GET", "/v3/organizations", null).statusCode()).isEqualTo(200);
        assertThat(send(nodes.get(1), "bearer-not-a-token", "GET", "/v3/organizations", null).statusCode())
                .isEqualTo(401);
        assertThat(keys(nodes.get(0))).as("both nodes serve the one shared signing key").isEqualTo(keys(nodes.get(1)));
    }

    @Test
    @Order(2)
    void anOrganizationCreatedOnOneNodeIsListedOnTheOther() throws Exception {
        String token = token(nodes.get(0));
        var created = send(nodes.get(0), token, "POST", "/v3/organizations", "{\"name\":\"made-on-a\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var listed = send(nodes.get(1), token, "GET", "/v3/organizations?names=made-on-a", null);
        assertThat(JSON.readTree(listed.body()).path("resources").path(0).path("guid").asText())
                .isEqualTo(JSON.readTree(created.body()).path("guid").asText());
    }

    @Test
    @Order(3)
    void jobsEnqueuedOnBothNodesEachRunExactlyOnce() throws Exception {
        String token = token(nodes.get(0));
        int before = blobCalls.callers(BlobCalls.DELETE_BY_PREFIX).size();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var accepted = send(nodes.get(i % 2), token, "POST", "/v3/admin/actions/clear_buildpack_cache", null);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            jobs.add(accepted.headers().firstValue("Location").orElseThrow());
        }
        for (String job : jobs) {
            assertThat(awaitJob(nodes.get(1), token, job)).isEqualTo("COMPLETE");
        }
        assertThat(blobCalls.callers(BlobCalls.DELETE_BY_PREFIX).size() - before)
                .as("the buildpack cache job clears the cache once per run").isEqualTo(20);
        assertThat(queuedJobs()).as("nothing left queued").isZero();
    }

    @Test
    @Order(4)
    void periodicWorkRunsOnOneNodeAtATime() throws Exception {
        var gate = blobCalls.hold(BlobCalls.FOR_EACH_UNDER);
        await("a node to start an orphan blob sweep", () -> gate.heldNode().get() != null);
        int callsAtHold = blobCalls.callers(BlobCalls.FOR_EACH_UNDER).size();
        Instant heldSince = Instant.now();
        await("two heartbeats of the held sweep", () -> lastHeartbeat("capi-sweep-orphan-blobs")
                .isAfter(heldSince.plusSeconds(2)));
        assertThat(blobCalls.callers(BlobCalls.FOR_EACH_UNDER)).as("no sweep started while one was held")
                .hasSize(callsAtHold);
        gate.open().countDown();
        await("more sweeps after the held one", () -> blobCalls.callers(BlobCalls.FOR_EACH_UNDER).size()
                >= callsAtHold + 12);
        assertThat(blobCalls.mostAtOnce(BlobCalls.FOR_EACH_UNDER)).as("sweeps running at one moment").isEqualTo(1);
    }

    @Test
    @Order(5)
    void aJobHeldByANodeThatDiesIsFinishedByTheOther() throws Exception {
        String token = token(nodes.get(0));
        var gate = blobCalls.hold(BlobCalls.DELETE_BY_PREFIX);
        var accepted = send(nodes.get(0), token, "POST", "/v3/admin/actions/clear_buildpack_cache", null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        await("a node to run the job", () -> gate.heldNode().get() != null);
        Node dying = nodes.stream().filter(n -> n.name().equals(gate.heldNode().get())).findFirst().orElseThrow();
        Node survivor = nodes.stream().filter(n -> n != dying).findFirst().orElseThrow();

        // the node loses its database: its heartbeats stop and nothing it still does can be recorded
        dying.database().close();
        String state = awaitJob(survivor, token(survivor), job);
        gate.open().countDown();

        assertThat(state).isEqualTo("COMPLETE");
        assertThat(blobCalls.callers(BlobCalls.DELETE_BY_PREFIX)).as("the survivor ran the job again")
                .endsWith(survivor.name());
    }

    private String token(Node node) throws Exception {
        String form = "grant_type=password&username=admin&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        var r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/uaa/oauth/token"))
                .header("Authorization", "Basic Y2Y6").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private JsonNode keys(Node node) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/uaa/token_keys")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(Node node, String token, String method, String path, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the job through {@code node} until it leaves PROCESSING (within a minute); returns its state. */
    private String awaitJob(Node node, String token, String location) throws Exception {
        String path = URI.create(location).getPath();
        String[] state = new String[1];
        await("job " + path + " to finish", () -> {
            try {
                state[0] = JSON.readTree(send(node, token, "GET", path, null).body()).path("state").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return !state[0].equals("PROCESSING");
        });
        return state[0];
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    private int queuedJobs() {
        return nodes.get(1).database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'capi-job'").mapTo(Integer.class).one());
    }

    private Instant lastHeartbeat(String task) {
        return nodes.get(1).database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT last_heartbeat FROM scheduled_tasks WHERE task_name = :t AND last_heartbeat IS NOT NULL")
                .bind("t", task).mapTo(java.time.OffsetDateTime.class).findOne()
                .map(java.time.OffsetDateTime::toInstant).orElse(Instant.EPOCH));
    }

    private static String withDatabase(String url, String name) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : url.substring(q));
    }

    private static void sql(String url, String statement) throws Exception {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
