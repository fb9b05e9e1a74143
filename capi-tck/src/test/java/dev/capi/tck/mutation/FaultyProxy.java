package dev.capi.tck.mutation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A small HTTP proxy in front of a conforming Cloud Controller that injects one {@link Fault} into its answers
 * (absolute URLs are rewritten to the proxy's, so that links and the token endpoint lead back through it).
 */
final class FaultyProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept", "Content-MD5");
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String target;
    private final Fault fault;
    private final Supplier<String> adminToken;

    FaultyProxy(String target, Fault fault, Supplier<String> adminToken) throws IOException {
        this.target = target;
        this.fault = fault;
        this.adminToken = adminToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange in) throws IOException {
        try (in) {
            String pathAndQuery = in.getRequestURI().getRawPath()
                    + (in.getRequestURI().getRawQuery() == null ? "" : "?" + in.getRequestURI().getRawQuery());
            byte[] body = in.getRequestBody().readAllBytes();
            HttpResponse<byte[]> answer = forward(in.getRequestMethod(),
                    fault == null ? pathAndQuery : fault.request(pathAndQuery), body,
                    in.getRequestHeaders().getFirst("Authorization"), in);
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            byte[] out = answer.body();
            int status = answer.statusCode();
            if (contentType.contains("json")) {
                out = new String(out, StandardCharsets.UTF_8).replace(target, url()).getBytes(StandardCharsets.UTF_8);
            }
            if (fault != null && contentType.contains("json")) {
                String raw = new String(out, StandardCharsets.UTF_8);
                String method = in.getRequestMethod();
                Fault.Exchange exchange = new Fault.Exchange(method, in.getRequestURI().getRawPath(), status, raw,
                        () -> {
                            try {
                                HttpResponse<byte[]> r = forward("GET", pathAndQuery, new byte[0],
                                        "bearer " + adminToken.get(), in);
                                return new Fault.Exchange("GET", pathAndQuery, r.statusCode(),
                                        new String(r.body(), StandardCharsets.UTF_8).replace(target, url()), null);
                            } catch (IOException ex) {
                                throw new IllegalStateException(ex);
                            }
                        });
                fault.answer(exchange);
                status = exchange.status;
                out = exchange.body().getBytes(StandardCharsets.UTF_8);
            }
            answer.headers().firstValue("Location").ifPresent(l -> in.getResponseHeaders()
                    .set("Location", l.replace(target, url())));
            if (!contentType.isEmpty()) {
                in.getResponseHeaders().set("Content-Type", contentType);
            }
            in.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = in.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (RuntimeException e) {
            in.sendResponseHeaders(502, -1);
        }
    }

    private HttpResponse<byte[]> forward(String method, String pathAndQuery, byte[] body, String authorization,
                                         HttpExchange in) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = header.equals("Authorization") ? authorization : in.getRequestHeaders().getFirst(header);
            if (value != null) {
                b.header(header, value);
            }
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
