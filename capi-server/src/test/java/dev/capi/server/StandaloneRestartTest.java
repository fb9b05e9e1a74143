package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.server.tls.TlsMaterial;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bits survive a restart: a package, a droplet and a buildpack uploaded to the standalone server download again after
 * it is stopped and started on the same data dir (H2 in the data dir, or a fresh PostgreSQL database).
 */
class StandaloneRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void uploadedBitsDownloadAfterARestart(String database) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CAPI_PORT", Integer.toString(freePort()));
        env.put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
        env.put("CAPI_DATA_DIR", dataDir.toString());
        env.put("CAPI_ROUTER_PORT", "0");
        env.put("CAPI_ADMIN_PASSWORD", "restart-" + UUID.randomUUID());
        String admin = System.getenv("CAPI_TEST_POSTGRES_URL");
        String pgName = null;
        if (database.equals("PostgreSQL")) {
            Assumptions.assumeTrue(admin != null && !admin.isBlank(),
                    "skipped: no PostgreSQL configured (set CAPI_TEST_POSTGRES_URL)");
            pgName = "capi_restart_" + UUID.randomUUID().toString().replace("-", "");
            sql(admin, "CREATE DATABASE " + pgName);
            env.put("CAPI_DATABASE_URL", withDatabase(admin, pgName));
        }
        try {
            byte[] appZip = zip("index.html", "hello from before the restart");
            byte[] dropletBits = "droplet bits".getBytes(StandardCharsets.UTF_8);
            byte[] buildpackZip = zip("bin/detect", "#!/bin/sh\nexit 0\n");
            String pkg;
            String droplet;
            String buildpack;
            try (var server = new StandaloneServer(ServerConfig.load(null, env))) {
                var api = new Api(server);
                String org = api.create("/v3/organizations", "{\"name\":\"restart-org\"}");
                String space = api.create("/v3/spaces", "{\"name\":\"dev\",\"relationships\":{\"organization\":"
                        + "{\"data\":{\"guid\":\"" + org + "\"}}}}");
                String app = api.create("/v3/apps", "{\"name\":\"restart-app\",\"relationships\":{\"space\":"
                        + "{\"data\":{\"guid\":\"" + space + "\"}}}}");
                pkg = api.create("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":"
                        + "{\"guid\":\"" + app + "\"}}}}");
                assertThat(api.upload("/v3/packages/" + pkg + "/upload", "bits", appZip).statusCode())
                        .isEqualTo(200);
                droplet = api.create("/v3/droplets", "{\"relationships\":{\"app\":{\"data\":{\"guid\":\""
                        + app + "\"}}}}");
                api.awaitJob(api.upload("/v3/droplets/" + droplet + "/upload", "bits", dropletBits));
                buildpack = api.create("/v3/buildpacks", "{\"name\":\"restart_buildpack\"}");
                api.awaitJob(api.upload("/v3/buildpacks/" + buildpack + "/upload", "bits", buildpackZip));
            }
            try (var server = new StandaloneServer(ServerConfig.load(null, env))) {
                var api = new Api(server);
                assertThat(entries(api.download("/v3/packages/" + pkg + "/download"))).as("package (re-zipped on upload)")
                        .isEqualTo(entries(appZip));
                assertThat(api.download("/v3/droplets/" + droplet + "/download")).as("droplet")
                        .isEqualTo(dropletBits);
                assertThat(api.internalDownload("/v2/buildpacks/" + buildpack + "/download")).as("buildpack")
                        .isEqualTo(buildpackZip);
            }
            assertThat(dataDir.resolve("blobs")).as("the blobs live in the data dir").isDirectory();
        } finally {
            if (pgName != null) {
                sql(admin, "DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
            }
        }
    }

    /** The few HTTP calls this test makes, as the admin of the built-in issuer. */
    private static final class Api {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        private final StandaloneServer server;
        private final String base;
        private final String token;

        Api(StandaloneServer server) throws Exception {
            this.server = server;
            this.base = "http://127.0.0.1:" + server.start();
            String form = "grant_type=password&username=admin&password="
                    + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
            var tokenResponse = http.send(HttpRequest.newBuilder(URI.create(base + "/uaa/oauth/token"))
                    .header("Authorization", "Basic Y2Y6").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            this.token = JSON.readTree(tokenResponse.body()).path("access_token").asText();
        }

        String create(String path, String body) throws Exception {
            var r = http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
            return JSON.readTree(r.body()).path("guid").asText();
        }

        HttpResponse<String> upload(String path, String field, byte[] content) throws Exception {
            String boundary = "restart-" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"bits.zip\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void awaitJob(HttpResponse<String> accepted) throws Exception {
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String job = accepted.headers().firstValue("Location").orElseThrow();
            for (int i = 0; i < 600; i++) {
                var r = http.send(HttpRequest.newBuilder(URI.create(job)).header("Authorization", "bearer " + token)
                        .build(), HttpResponse.BodyHandlers.ofString());
                JsonNode state = JSON.readTree(r.body()).path("state");
                if (!state.asText().equals("PROCESSING")) {
                    assertThat(state.asText()).as(r.body()).isEqualTo("COMPLETE");
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("job " + job + " did not finish");
        }

        byte[] download(String path) throws Exception {
            var r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            return r.body();
        }

        byte[] internalDownload(String path) throws Exception {
            TlsMaterial serverTls = server.internalTls();
            Path dir = serverTls.caCertificate().getParent();
            var client = HttpClient.newBuilder().sslContext(new TlsMaterial(serverTls.caCertificate(),
                    dir.resolve("client.crt"), dir.resolve("client.key")).sslContext()).build();
            var r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.internalPort()
                    + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token);
        }
    }

    private static byte[] zip(String name, String content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
