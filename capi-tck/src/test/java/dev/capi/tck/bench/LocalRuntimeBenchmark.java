package dev.capi.tck.bench;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The local runtime benchmark: starts the standalone jar (local runtime, router on a free port) as a child process,
 * then pushes a small shell-started web app N times — create app and package, upload, stage with the binary
 * buildpack, set the droplet, map a route, start — timing each push to the first 200 through the router; then
 * compares the latency of GETs through the router with GETs sent to the instance directly (interleaved, one
 * connection each). Only the JDK is needed. Arguments: {@code [jar] [pushes] [requests]}.
 */
public final class LocalRuntimeBenchmark {
    static {
        // the router is reached with the app's Host header, which the JDK client sends only when allowed
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String APP_COMMAND = "web: exec python3 -m http.server $PORT\n";

    private static String api;
    private static String token;

    private LocalRuntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 && !args[0].isBlank() ? Path.of(args[0])
                : Path.of("capi-server/target/capi-server.jar");
        int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path dataDir = Files.createTempDirectory("capi-local-bench-");
        int port = freePort();
        int routerPort = freePort();
        String password = "bench-" + UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString());
        builder.environment().put("CAPI_DATA_DIR", dataDir.toString());
        builder.environment().put("CAPI_PORT", Integer.toString(port));
        builder.environment().put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
        builder.environment().put("CAPI_ROUTER_PORT", Integer.toString(routerPort));
        builder.environment().put("CAPI_ADMIN_PASSWORD", password);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        Process server = builder.start();
        try {
            api = "http://127.0.0.1:" + port;
            await(() -> status(HttpRequest.newBuilder(URI.create(api + "/")).build()) == 200, "GET /");
            token = login(password);
            String org = guid(post("/v3/organizations", "{\"name\":\"bench\"}"));
            String space = guid(post("/v3/spaces", "{\"name\":\"bench\",\"relationships\":{\"organization\":"
                    + "{\"data\":{\"guid\":\"" + org + "\"}}}}"));
            String domain = guid(get("/v3/domains?names=apps.localhost").replaceFirst("^.*?\"resources\"", ""));
            List<Double> total = new ArrayList<>();
            List<Double> staged = new ArrayList<>();
            String lastApp = null;
            for (int i = 0; i < pushes; i++) {
                long t0 = System.nanoTime();
                lastApp = push(space, domain, "bench-" + i, routerPort, t0, staged);
                total.add((System.nanoTime() - t0) / 1e9);
                System.out.printf(Locale.ROOT, "push %d: %.2f s (staged after %.2f s)%n", i + 1,
                        total.get(i), staged.get(i));
            }
            System.out.println("push to first 200 through the router | median s | min s | max s");
            print("create, upload, stage, start, first 200", total);
            print("  of which create, upload, stage", staged);
            routerOverhead(lastApp, "bench-" + (pushes - 1) + ".apps.localhost", routerPort, requests);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            delete(dataDir);
        }
    }

    /** One push; returns the app's guid once its route answers 200, adding the time until STAGED to {@code staged}. */
    private static String push(String space, String domain, String name, int routerPort, long t0,
                               List<Double> staged) throws Exception {
        String app = guid(post("/v3/apps", "{\"name\":\"" + name + "\",\"lifecycle\":{\"type\":\"buildpack\","
                + "\"data\":{\"buildpacks\":[\"binary_buildpack\"]}},\"relationships\":{\"space\":{\"data\":"
                + "{\"guid\":\"" + space + "\"}}}}"));
        String pkg = guid(post("/v3/packages", "{\"type\":\"bits\",\"relationships\":{\"app\":{\"data\":"
                + "{\"guid\":\"" + app + "\"}}}}"));
        upload("/v3/packages/" + pkg + "/upload", appZip(name));
        await(() -> field(get("/v3/packages/" + pkg), "state").equals("READY"), "package READY");
        String build = guid(post("/v3/builds", "{\"package\":{\"guid\":\"" + pkg + "\"}}"));
        await(() -> !field(get("/v3/builds/" + build), "state").equals("STAGING"), "build staged");
        String buildDoc = get("/v3/builds/" + build);
        if (!field(buildDoc, "state").equals("STAGED")) {
            throw new IllegalStateException("staging failed: " + buildDoc);
        }
        staged.add((System.nanoTime() - t0) / 1e9);
        String droplet = guid(buildDoc.substring(buildDoc.indexOf("\"droplet\"")));
        send("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\"" + droplet
                + "\"}}");
        String route = guid(post("/v3/routes", "{\"host\":\"" + name + "\",\"relationships\":{\"domain\":{\"data\":"
                + "{\"guid\":\"" + domain + "\"}},\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}"));
        post("/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app + "\"}}]}");
        post("/v3/apps/" + app + "/actions/start", null);
        URI root = URI.create("http://127.0.0.1:" + routerPort + "/");
        await(() -> status(HttpRequest.newBuilder(root).header("Host", name + ".apps.localhost").build()) == 200,
                "first 200 through the router");
        return app;
    }

    /** p50 of GET / through the router and straight to the instance, interleaved so both see the same load. */
    private static void routerOverhead(String app, String host, int routerPort, int requests) throws Exception {
        String stats = get("/v3/apps/" + app + "/processes/web/stats");
        Matcher m = Pattern.compile("\"external\"\\s*:\\s*(\\d+)").matcher(stats);
        if (!m.find()) {
            throw new IllegalStateException("no instance port in " + stats);
        }
        HttpRequest direct = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/")).build();
        HttpRequest routed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/"))
                .header("Host", host).build();
        for (int i = 0; i < 50; i++) {
            status(direct);
            status(routed);
        }
        List<Double> directMs = new ArrayList<>();
        List<Double> routedMs = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            directMs.add(timed(direct));
            routedMs.add(timed(routed));
        }
        double d = median(directMs);
        double r = median(routedMs);
        System.out.println("GET / (" + requests + " each) | p50 ms | p99 ms");
        System.out.printf(Locale.ROOT, "instance directly | %.2f | %.2f%n", d, percentile(directMs, 0.99));
        System.out.printf(Locale.ROOT, "through the router | %.2f | %.2f%n", r, percentile(routedMs, 0.99));
        System.out.printf(Locale.ROOT, "router p50 / direct p50 | %.2fx%n", r / d);
    }

    private static double timed(HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        int code = status(request);
        if (code != 200) {
            throw new IllegalStateException(request.uri() + " answered " + code);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static byte[] appZip(String name) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Procfile"));
            zip.write(APP_COMMAND.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write(("<h1>" + name + "</h1>\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String login(String password) throws Exception {
        String form = "grant_type=password&username=admin&password=" + URLEncoder.encode(password,
                StandardCharsets.UTF_8);
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/uaa/oauth/token"))
                .header("Authorization", "Basic Y2Y6").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    private static String get(String path) throws Exception {
        return send("GET", path, null);
    }

    private static String post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    private static String send(String method, String path, String body) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static void upload(String path, byte[] zip) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"app.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
    }

    private static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 20 ms until {@code done} holds (at most {@link #LIMIT}). */
    private static void await(Check done, String what) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static String guid(String json) {
        return field(json, "guid");
    }

    /** The first string value of {@code name} in the JSON text (enough for the documents read here). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    private static void print(String name, List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s | %.2f | %.2f | %.2f%n", name, median(seconds), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
