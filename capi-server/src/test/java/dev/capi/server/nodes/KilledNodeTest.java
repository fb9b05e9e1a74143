package dev.capi.server.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a standalone server (a child JVM on PostgreSQL) in the middle of a package upload and in the
 * middle of a job, then a restart on the same data dir: no half-written blob is visible, the package does not stay
 * PROCESSING_UPLOAD forever (the sweeper fails it once it is old), and the job is run again to COMPLETE.
 */
class KilledNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "killed-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private String pgName;
    private String databaseUrl;
    private Process node;
    private String base;
    private String token;

    @BeforeEach
    void createDatabase() throws Exception {
        admin = System.getenv("CAPI_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(admin != null && !admin.isBlank(),
                "skipped: killing a node needs PostgreSQL (set CAPI_TEST_POSTGRES_URL)");
        pgName = "capi_killed_" + UUID.randomUUID().toString().replace("-", "");
        sql(admin, "CREATE DATABASE " + pgName);
        databaseUrl = withDatabase(admin, pgName);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (node != null) {
            node.destroyForcibly().waitFor();
        }
        if (pgName != null) {
            sql(admin, "DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
        }
    }

    @Test
    void killedDuringAPackageUploadAndDuringAJobThenRestarted() throws Exception {
        start();
        String org = create("/v3/organizations", "{\"name\":\"killed-org\"}");
        String space = create("/v3/spaces", "{\"name\":\"dev\",\"relationships\":{\"organization\":{\"data\":"
                + "{\"guid\":\"" + org + "\"}}}}");
        String app = create("/v3/apps", "{\"name\":\"killed-app\",\"relationships\":{\"space\":{\"data\":"
                + "{\"guid\":\"" + space + "\"}}}}");
        String pkg = create("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":"
                + "{\"guid\":\"" + app + "\"}}}}");

        // 1. kill -9 while the server writes the package's bits
        var upload = uploadAsync("/v3/packages/" + pkg + "/upload", bigZip());
        await("the upload to be processing", () -> state("/v3/packages/" + pkg).equals("PROCESSING_UPLOAD"));
        kill();
        upload.handle((r, e) -> null).join();
        start();
        // whatever was half written stays in the store's tmp/ (deleted there once a day old), never under its key
        assertThat(dataDir.resolve("blobs/blobs/packages").resolve(pkg)).as("no blob under the package's key")
                .doesNotExist();
        assertThat(send("GET", "/v3/packages/" + pkg + "/download", null).statusCode()).isEqualTo(422);
        // time passes: the package's last change is older than its expiration (900 s plus the reference's 300 s)
        sql(databaseUrl, "UPDATE packages SET updated_at = updated_at - INTERVAL '2 hours' WHERE guid = '" + pkg + "'");
        await("the sweeper to fail the stranded package", () -> state("/v3/packages/" + pkg).equals("FAILED"));

        // 2. kill -9 while the server runs a job: it holds the organization delete, blocked on a row lock
        String doomed = create("/v3/organizations", "{\"name\":\"doomed-org\"}");
        String job;
        try (Connection lock = DriverManager.getConnection(databaseUrl)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT * FROM organizations WHERE guid = '" + doomed + "' FOR UPDATE");
            var accepted = send("DELETE", "/v3/organizations/" + doomed, null);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            job = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
            String jobGuid = job.substring(job.lastIndexOf('/') + 1);
            await("the node to pick the job", () -> picked(jobGuid));
            kill();
            lock.rollback();
        }
        start();
        await("the job to finish after the restart", () -> !state(job).equals("PROCESSING"));
        assertThat(state(job)).isEqualTo("COMPLETE");
        assertThat(send("GET", "/v3/organizations/" + doomed, null).statusCode()).isEqualTo(404);
    }

    private void start() throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("CAPI_PORT", Integer.toString(port));
        env.put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
        env.put("CAPI_DATA_DIR", dataDir.toString());
        env.put("CAPI_DATABASE_URL", databaseUrl);
        env.put("CAPI_ADMIN_PASSWORD", PASSWORD);
        env.put("CAPI_SWEEP_INTERVAL_SECONDS", "1");
        env.put("CAPI_NODE_HEARTBEAT_SECONDS", "1");
        env.put("CAPI_NODE_MISSED_HEARTBEATS", "4");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.capi.server.StandaloneServer");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                dataDir.resolve("node.log").toFile()));
        node = builder.start();
        base = "http://127.0.0.1:" + port;
        await("the node to answer", () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                assertThat(node.isAlive()).as("the node is running (see node.log)").isTrue();
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        String form = "grant_type=password&username=admin&password=" + URLEncoder.encode(PASSWORD,
                StandardCharsets.UTF_8);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/uaa/oauth/token"))
                .header("Authorization", "Basic Y2Y6").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(r.body()).path("access_token").asText();
    }

    private void kill() throws InterruptedException {
        node.destroyForcibly().waitFor();
    }

    private String create(String path, String body) throws Exception {
        var r = send("POST", path, body);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("guid").asText();
    }

    private String state(String path) {
        try {
            JsonNode body = JSON.readTree(send("GET", path, null).body());
            return body.path("state").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> uploadAsync(String path, byte[] zip) {
        String boundary = "killed-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"bits.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Incompressible files, so that the server takes a while to re-zip them. */
    private static byte[] bigZip() throws IOException {
        var out = new ByteArrayOutputStream();
        var random = new Random(42);
        byte[] chunk = new byte[1024 * 1024];
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            for (int i = 0; i < 48; i++) {
                zip.putNextEntry(new ZipEntry("file-" + i + ".bin"));
                random.nextBytes(chunk);
                zip.write(chunk);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private boolean picked(String jobGuid) {
        try (var c = DriverManager.getConnection(databaseUrl); var s = c.prepareStatement(
                "SELECT picked FROM scheduled_tasks WHERE task_name = 'capi-job' AND task_instance = ?")) {
            s.setString(1, jobGuid);
            try (var rows = s.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls for at most a minute (three for a start, which migrates the schema on a loaded machine). */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Duration patience = what.startsWith("the node to answer") ? Duration.ofMinutes(3) : Duration.ofMinutes(1);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the node's log ends with:\n"
                        + logTail());
            }
            Thread.sleep(10);
        }
    }

    private String logTail() {
        try {
            var lines = Files.readAllLines(dataDir.resolve("node.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String withDatabase(String url, String name) {
        int q = url.indexOf('?');
        String b = q < 0 ? url : url.substring(0, q);
        return b.substring(0, b.lastIndexOf('/') + 1) + name + (q < 0 ? "" : url.substring(q));
    }

    private static void sql(String url, String statement) throws Exception {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
