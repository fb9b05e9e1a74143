package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** An HTTP client of the Cloud Controller acting as one identity (a bearer token, or anonymous). */
public final class Cf {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private volatile String token;
    private final String name;
    private final HttpClient client;
    /** Logs in again when the token expired during a long run (null: never). */
    private volatile java.util.function.Supplier<String> relogin;

    public Cf(String baseUrl, String token, String name) {
        this(baseUrl, token, name, CLIENT);
    }

    /** A client with its own HTTP client (e.g. one presenting a TLS client certificate). */
    public Cf(String baseUrl, String token, String name, HttpClient client) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.name = name;
        this.client = client;
    }

    /** The same endpoint and HTTP client, acting with another bearer token. */
    public Cf withToken(String bearerToken) {
        return new Cf(baseUrl, bearerToken, name + "+token", client);
    }

    public String name() {
        return name;
    }

    /** Lets this client log in again (with {@code login}) when the server says its token is no longer valid. */
    Cf relogin(java.util.function.Supplier<String> login) {
        this.relogin = login;
        return this;
    }

    public String token() {
        return token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The guids a list answers (first 5000). "Nothing created" compares these sets rather than totals: other tests'
     * delete jobs may still be removing their resources meanwhile.
     */
    public java.util.Set<String> guids(String listPath) {
        java.util.Set<String> guids = new java.util.HashSet<>();
        get(listPath + (listPath.contains("?") ? "&" : "?") + "per_page=5000").body().path("resources")
                .forEach(r -> guids.add(r.path("guid").asText()));
        return guids;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, body, "application/json");
    }

    /** Sends a raw body with a given content type (e.g. malformed JSON, YAML). */
    public ApiResponse send(String method, String path, Object body, String contentType) {
        ApiResponse r = sendOnce(method, path, body, contentType);
        if (r.status() == 401 && r.errorCode() == 1000 && relogin != null) {
            token = relogin.get();
            r = sendOnce(method, path, body, contentType);
        }
        return r;
    }

    private ApiResponse sendOnce(String method, String path, Object body, String contentType) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        String payload = body == null ? null : body instanceof String s ? s : body.toString();
        if (payload != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(payload));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            RequestLog.record(method, url, payload, r.statusCode(), r.body());
            return checked(method, url, new ApiResponse(r.statusCode(), r.headers(), r.body(), Json.parse(r.body())));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Applies the generic response checks ({@link ResponseShape}) to an answer, and records shapes if asked. */
    private static ApiResponse checked(String method, String url, ApiResponse r) {
        ShapeRecorder.record(r.status(), r.json());
        ResponseShape.check(method, url, r.status(), r.raw());
        return r;
    }

    /** Sends a multipart form (uploads). */
    public ApiResponse upload(String method, String path, Multipart form) {
        return sendBytes(method, path, form.bytes(), form.contentType());
    }

    /** Sends a multipart form with extra headers (e.g. Content-MD5). */
    public ApiResponse upload(String method, String path, Multipart form, Map<String, String> headers) {
        return sendBytes(method, path, form.bytes(), form.contentType(), headers);
    }

    /** Sends raw bytes with a given content type. */
    public ApiResponse sendBytes(String method, String path, byte[] body, String contentType) {
        return sendBytes(method, path, body, contentType, Map.of());
    }

    private ApiResponse sendBytes(String method, String path, byte[] body, String contentType,
                                  Map<String, String> headers) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            RequestLog.record(method, url, "(" + body.length + " bytes of " + contentType + ")", r.statusCode(),
                    r.body());
            return checked(method, url, new ApiResponse(r.statusCode(), r.headers(), r.body(), Json.parse(r.body())));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET returning the raw bytes (downloads); redirects are not followed. */
    public HttpResponse<byte[]> download(String path) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            RequestLog.record("GET", url, null, r.statusCode(), "(" + r.body().length + " bytes)");
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Form-encoded POST (token endpoint), optionally with HTTP Basic. */
    public static ApiResponse postForm(String url, Map<String, String> form, String basicUser, String basicPassword) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicUser != null) {
            String credentials = basicUser + ":" + (basicPassword == null ? "" : basicPassword);
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            RequestLog.record("POST", url, "(form)", r.statusCode(), r.body());
            return new ApiResponse(r.statusCode(), r.headers(), r.body(), Json.parse(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the job a 202 pointed to until it is COMPLETE or FAILED (30 s at most) and returns it. */
    public JsonNode awaitJob(ApiResponse accepted) {
        String location = accepted.header("Location");
        if (location == null) {
            throw new AssertionError("202 without Location: " + accepted);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse job = get(location);
            String state = job.body().path("state").asText();
            if ("COMPLETE".equals(state) || "FAILED".equals(state)) {
                return job.body();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job did not finish in 30 s: " + location);
    }

    @Override
    public String toString() {
        return name;
    }
}
