package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.server.ServerConfig;
import dev.capi.server.StandaloneServer;

import javax.tools.ToolProvider;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A standalone server with the local runtime (router on a free port) and the HTTP calls the local runtime tests make
 * as its admin: create, upload, poll until a condition holds (bounded), and requests through the router.
 */
final class LocalApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_LIMIT = Duration.ofSeconds(45);

    final StandaloneServer server;
    final String base;
    final String token;
    final int routerPort;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LocalApi(Path dataDir) throws Exception {
        this(dataDir, "local-" + UUID.randomUUID());
    }

    LocalApi(Path dataDir, String adminPassword) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CAPI_PORT", Integer.toString(freePort()));
        env.put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
        env.put("CAPI_ROUTER_PORT", "0");
        env.put("CAPI_DATA_DIR", dataDir.toString());
        env.put("CAPI_ADMIN_PASSWORD", adminPassword);
        this.server = new StandaloneServer(ServerConfig.load(null, env));
        this.base = "http://127.0.0.1:" + server.start();
        this.routerPort = server.routerPort();
        String form = "grant_type=password&username=admin&password="
                + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/uaa/oauth/token"))
                .header("Authorization", "Basic Y2Y6").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.token = JSON.readTree(r.body()).path("access_token").asText();
    }

    @Override
    public void close() {
        server.close();
    }

    JsonNode get(String path) throws Exception {
        var r = send(request(path).GET().build());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode call(String method, String path, String body, int expected) throws Exception {
        var r = send(request(path).header("Content-Type", "application/json").method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (r.statusCode() != expected) {
            throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    String create(String path, String body) throws Exception {
        return call("POST", path, body, 201).path("guid").asText();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "bearer " + token);
    }

    /** An org, a space, an app (optionally naming buildpacks) in it; returns {space, app}. */
    String[] spaceAndApp(String name, String buildpacks) throws Exception {
        String org = create("/v3/organizations", "{\"name\":\"" + name + "-org\"}");
        String space = create("/v3/spaces", "{\"name\":\"dev\",\"relationships\":{\"organization\":"
                + "{\"data\":{\"guid\":\"" + org + "\"}}}}");
        String lifecycle = buildpacks == null ? "" : ",\"lifecycle\":{\"type\":\"buildpack\",\"data\":{"
                + "\"buildpacks\":[\"" + buildpacks + "\"]}}";
        String app = create("/v3/apps", "{\"name\":\"" + name + "\"" + lifecycle + ",\"relationships\":{\"space\":"
                + "{\"data\":{\"guid\":\"" + space + "\"}}}}");
        return new String[]{space, app};
    }

    /** Uploads the package and stages it; returns the build once it left STAGING. */
    JsonNode pushAndStage(String app, byte[] zip) throws Exception {
        String pkg = create("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":"
                + "{\"guid\":\"" + app + "\"}}}}");
        var upload = upload("/v3/packages/" + pkg + "/upload", zip);
        if (upload.statusCode() != 200) {
            throw new AssertionError("upload: " + upload.body());
        }
        await("/v3/packages/" + pkg, p -> p.path("state").asText().equals("READY"));
        String build = create("/v3/builds", "{\"package\":{\"guid\":\"" + pkg + "\"}}");
        return await("/v3/builds/" + build, b -> !b.path("state").asText().equals("STAGING"));
    }

    /** Polls {@code path} every 100 ms until {@code done} holds (at most 45 s); returns the last document. */
    JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up waiting on " + path + ": " + last);
    }

    /** GET through the router with the given Host header. */
    HttpResponse<String> viaRouter(String host, String path) throws Exception {
        return viaRouter(host, path, Map.of());
    }

    HttpResponse<String> viaRouter(String host, String path, Map<String, String> headers) throws Exception {
        // java.net.http refuses a Host header: a plain socket sends one
        try (var socket = new java.net.Socket("127.0.0.1", routerPort)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return RawResponse.parse(raw);
        }
    }

    /** Polls the router until an answer satisfies {@code done} (at most 45 s). */
    HttpResponse<String> awaitRouter(String host, String path, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = viaRouter(host, path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("router never answered as expected: " + (last == null ? null
                : last.statusCode() + " " + last.body()));
    }

    HttpResponse<String> upload(String path, byte[] content) throws Exception {
        String boundary = "local-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"app.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The tiny web app every test runs: answers its instance index, the request id and path, {@code GREETING} and the
     * content of {@code version.txt}; {@code /env/NAME} answers that variable's value; /crash halts it.
     */
    static final String SERVER_SOURCE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Server {
                public static void main(String[] args) throws Exception {
                    int port = Integer.parseInt(System.getenv("PORT"));
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                    server.createContext("/", exchange -> {
                        if (exchange.getRequestURI().getPath().equals("/crash")) {
                            Runtime.getRuntime().halt(7);
                        }
                        String path = exchange.getRequestURI().getPath();
                        Path version = Path.of("version.txt");
                        String text = path.startsWith("/env/")
                                ? String.valueOf(System.getenv(path.substring("/env/".length())))
                                : "hello from " + System.getenv("CF_INSTANCE_INDEX") + " id="
                                + exchange.getRequestHeaders().getFirst("X-Vcap-Request-Id") + " path=" + path
                                + " greeting=" + System.getenv("GREETING") + " version="
                                + (Files.exists(version) ? Files.readString(version).trim() : "none");
                        byte[] body = text.getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("listening on " + port);
                }
            }
            """;

    /** Server.class compiled from {@link #SERVER_SOURCE} with the JDK's compiler. */
    static byte[] serverClass(Path work) throws IOException {
        Path src = work.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Server.java"), SERVER_SOURCE);
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.resolve("classes")
                .toString(), src.resolve("Server.java").toString());
        if (code != 0) {
            throw new IllegalStateException("javac failed: " + code);
        }
        return Files.readAllBytes(work.resolve("classes/Server.class"));
    }

    /** An exploded runnable jar, as cf push uploads one: the manifest with Main-Class and the class. */
    static byte[] runnableJarPackage(byte[] serverClass) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Server\n\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("Server.class", serverClass);
        return zip(files);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
