package dev.capi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.blobstore.BlobStoreUnusableException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server with {@code CAPI_BLOBSTORE=s3} on a real S3 server (S3Proxy): a package uploaded before a
 * restart downloads after it as a 302 to a presigned URL that serves the bits without the API's token, and the data
 * dir holds no blob; wrong keys stop the boot with one line.
 */
class StandaloneOnS3Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3ProxyProcess s3;

    @TempDir
    static Path s3Dir;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyProcess.start(s3Dir);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPackageUploadedBeforeARestartDownloadsFromAPresignedUrl() throws Exception {
        Map<String, String> env = env(S3ProxyProcess.SECRET_KEY);
        byte[] appZip = zip("index.html", "hello from S3");
        String pkg;
        try (var server = new StandaloneServer(ServerConfig.load(null, env))) {
            var api = new Api(server);
            String org = api.create("/v3/organizations", "{\"name\":\"s3-org\"}");
            String space = api.create("/v3/spaces", "{\"name\":\"dev\",\"relationships\":{\"organization\":"
                    + "{\"data\":{\"guid\":\"" + org + "\"}}}}");
            String app = api.create("/v3/apps", "{\"name\":\"s3-app\",\"relationships\":{\"space\":"
                    + "{\"data\":{\"guid\":\"" + space + "\"}}}}");
            pkg = api.create("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":"
                    + "{\"guid\":\"" + app + "\"}}}}");
            var uploaded = api.upload("/v3/packages/" + pkg + "/upload", appZip);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        }
        try (var server = new StandaloneServer(ServerConfig.load(null, env))) {
            var api = new Api(server);
            var download = api.get("/v3/packages/" + pkg + "/download");
            assertThat(download.statusCode()).isEqualTo(302);
            URI location = URI.create(download.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(s3.endpoint() + "/" + env.get("CAPI_S3_BUCKET_PREFIX")
                    + "packages/packages/" + pkg + "?").contains("X-Amz-Signature=");

            var bits = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(bits.statusCode()).isEqualTo(200);
            assertThat(entries(bits.body())).as("the package (re-zipped on upload)").isEqualTo(entries(appZip));
        }
        assertThat(dataDir.resolve("blobs")).as("no bits in the data dir").doesNotExist();
        try (var spooled = Files.list(dataDir.resolve("spool"))) {
            assertThat(spooled).as("no upload left in the spool").isEmpty();
        }
    }

    @Test
    void aWrongSecretKeyStopsTheBootWithOneLine() throws Exception {
        Map<String, String> env = env("not-the-secret");

        assertThatThrownBy(() -> new StandaloneServer(ServerConfig.load(null, env)))
                .isInstanceOf(BlobStoreUnusableException.class)
                .hasMessage("the S3 blobstore at " + s3.endpoint() + " refused access to bucket "
                        + env.get("CAPI_S3_BUCKET_PREFIX") + "packages (HTTP 403): check the access key and secret key");
    }

    private Map<String, String> env(String secretKey) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("CAPI_PORT", Integer.toString(freePort()));
        env.put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
        env.put("CAPI_DATA_DIR", dataDir.toString());
        env.put("CAPI_ADMIN_PASSWORD", "s3-" + UUID.randomUUID());
        env.put("CAPI_BLOBSTORE", "s3");
        env.put("CAPI_S3_ENDPOINT", s3.endpoint().toString());
        env.put("CAPI_S3_REGION", "us-east-1");
        env.put("CAPI_S3_ACCESS_KEY", S3ProxyProcess.ACCESS_KEY);
        env.put("CAPI_S3_SECRET_KEY", secretKey);
        env.put("CAPI_S3_BUCKET_PREFIX", "capi-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        return env;
    }

    /** The few HTTP calls this test makes, as the admin of the built-in issuer; redirects are not followed. */
    private static final class Api {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String token;

        Api(StandaloneServer server) throws Exception {
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

        HttpResponse<String> upload(String path, byte[] content) throws Exception {
            String boundary = "s3-" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; "
                    + "filename=\"bits.zip\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<Void> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding());
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
        try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
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
}
