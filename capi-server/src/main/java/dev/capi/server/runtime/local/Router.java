package dev.capi.server.runtime.local;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP router in front of the local runtime's instances, as Cloud Foundry's gorouter answers: by {@code Host}
 * and path to the RUNNING instances of the route's destinations (round-robin, weights honoured), with
 * {@code X-Forwarded-For/Proto/Host} and {@code X-Vcap-Request-Id}; 404 {@code unknown_route} for a host with no
 * mapped route, 503 {@code no_endpoints} when no instance is running, 502 {@code endpoint_failure} when the instance
 * fails. Grizzly (already the server's HTTP stack) listens; the JDK's HTTP client keeps connections to instances
 * alive; bodies stream both ways.
 */
public final class Router implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect",
            "host", "http2-settings");
    static final String ERROR_HEADER = "X-Cf-Routererror";

    static {
        // apps see the Host they were called by, as behind gorouter; the JDK client refuses to send a Host header
        // unless this is set before its first request (it only widens what the JVM's HTTP clients may send)
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
    }

    private final HttpServer server = new HttpServer();
    private final NetworkListener listener;
    private final RouteTable routes;
    private final LocalRuntime runtime;
    private final InFlight inFlight;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final boolean hostHeaderAllowed = hostHeaderAllowed();

    public Router(LocalRuntime runtime, Jdbi jdbi) {
        this.runtime = runtime;
        this.inFlight = runtime.inFlight();
        this.routes = new RouteTable(jdbi);
        var settings = runtime.settings();
        this.listener = new NetworkListener("capi-router", settings.routerBind(), settings.routerPort());
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new Handler(), "/");
        server.getServerConfiguration().setDefaultErrorPageGenerator((request, status, reason, description,
                                                                     exception) -> "");
    }

    /** Starts listening; returns the bound port. */
    public int start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The router cannot listen on " + runtime.settings().routerBind() + ":"
                    + runtime.settings().routerPort() + ": " + e.getMessage(), e);
        }
        return listener.getPort();
    }

    public int port() {
        return listener.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private final class Handler extends HttpHandler {
        @Override
        public void service(Request request, Response response) throws Exception {
            String hostHeader = request.getHeader("Host") == null ? "" : request.getHeader("Host");
            String host = hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            String path = request.getRequestURI();
            var route = routes.find(host, path);
            if (route.isEmpty()) {
                error(response, 404, "unknown_route", "404 Not Found: Requested route ('" + host
                        + "') does not exist.");
                return;
            }
            List<Integer> ports = candidates(route.get());
            if (ports.isEmpty()) {
                error(response, 503, "no_endpoints", "503 Service Unavailable: Requested route ('" + host
                        + "') has no available endpoints.");
                return;
            }
            forward(request, response, hostHeader, route.get(), ports);
        }
    }

    /** The instance ports to try, the round-robin choice first and the others after it. */
    private List<Integer> candidates(RouteTable.Route route) {
        List<RouteTable.Destination> weighted = route.weighted();
        int turn = route.counter().getAndIncrement() & Integer.MAX_VALUE;
        List<Integer> ordered = new ArrayList<>();
        for (int i = 0; i < weighted.size(); i++) {
            RouteTable.Destination d = weighted.get((turn + i) % weighted.size());
            List<Integer> ports = runtime.routablePorts(d.appGuid(), d.processType());
            for (int j = 0; j < ports.size(); j++) {
                Integer port = ports.get((turn / weighted.size() + j) % ports.size());
                if (!ordered.contains(port)) {
                    ordered.add(port);
                }
            }
        }
        return ordered;
    }

    private void forward(Request request, Response response, String hostHeader, RouteTable.Route route,
                         List<Integer> ports) throws IOException {
        String requestId = request.getHeader("X-Vcap-Request-Id");
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        }
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                + request.getQueryString());
        int attempts = hasBody ? 1 : 3;
        List<Integer> tried = new ArrayList<>();
        List<Integer> candidates = ports;
        for (int round = 0; round < 2 && tried.size() < attempts; round++) {
            for (Integer port : candidates) {
                if (tried.size() >= attempts || tried.contains(port) || !inFlight.enter(port)) {
                    continue;
                }
                tried.add(port);
                try {
                    HttpResponse<InputStream> answer;
                    try {
                        answer = client.send(outbound(request, hostHeader, requestId, hasBody, URI.create(
                                "http://127.0.0.1:" + port + target)), HttpResponse.BodyHandlers.ofInputStream());
                    } catch (ConnectException e) {
                        continue;
                    } catch (IOException | InterruptedException e) {
                        LOG.debug("router: endpoint failed: {}", e.toString());
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                        }
                        endpointFailure(response);
                        return;
                    }
                    relay(answer, response, requestId);
                    return;
                } finally {
                    inFlight.exit(port);
                }
            }
            // the instances may have changed meanwhile (a deployment's new instance became routable): look once more
            candidates = candidates(route);
        }
        endpointFailure(response);
    }

    private static void endpointFailure(Response response) throws IOException {
        error(response, 502, "endpoint_failure", "502 Bad Gateway: Registered endpoint failed to handle the "
                + "request.");
    }

    private HttpRequest outbound(Request request, String hostHeader, String requestId, boolean hasBody, URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        for (String name : request.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || lower.startsWith("x-forwarded-") || lower.equals("x-vcap-request-id")) {
                continue;
            }
            for (String value : request.getHeaders(name)) {
                b.header(name, value);
            }
        }
        if (hostHeaderAllowed && !hostHeader.isEmpty()) {
            b.header("Host", hostHeader);
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = request.getRemoteAddr();
        b.header("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? client
                : forwardedFor + ", " + client);
        String proto = request.getHeader("X-Forwarded-Proto");
        b.header("X-Forwarded-Proto", proto == null || proto.isBlank() ? request.getScheme() : proto);
        b.header("X-Forwarded-Host", hostHeader);
        b.header("X-Vcap-Request-Id", requestId);
        String method = request.getMethod().getMethodString();
        HttpRequest.BodyPublisher body = hasBody
                ? HttpRequest.BodyPublishers.ofInputStream(request::getInputStream)
                : HttpRequest.BodyPublishers.noBody();
        return b.method(method, body).build();
    }

    private static void relay(HttpResponse<InputStream> answer, Response response, String requestId)
            throws IOException {
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith(":")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
        response.setHeader("X-Vcap-Request-Id", requestId);
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    private static void error(Response response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setHeader(ERROR_HEADER, code);
        response.setContentType("text/plain; charset=utf-8");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether the JDK client may send the original Host (jdk.httpclient.allowRestrictedHeaders=host). */
    private static boolean hostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
