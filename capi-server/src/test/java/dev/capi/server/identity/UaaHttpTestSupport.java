package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.auth.TokenVerifier;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The /uaa endpoints over HTTP, on a Grizzly server holding only the built-in identity provider's endpoints: one
 * server per test class (admin, alice in origins uaa and ldap, and the clients ops and reader), and the requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UaaHttpTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: plain Grizzly never finishes reading a body sent with an h2c upgrade request (the server adds PlainHttpOnly). */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String CF_BASIC = "Basic " + Base64.getEncoder().encodeToString("cf:".getBytes());

    HttpServer server;
    String uaa;
    BuiltInIdentityProvider idp;
    TokenVerifier verifier;
    String adminToken;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String error() {
            return body.path("error").asText();
        }
    }

    @BeforeAll
    void start(@TempDir Path data) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        uaa = "http://127.0.0.1:" + port + "/uaa";
        idp = new BuiltInIdentityProvider(new InMemoryAccountStore(), data.resolve("keys"), uaa, Clock.systemUTC(),
                List.of(OAuthClient.clientCredentials("ops", "s3cret", Set.of("cloud_controller.admin")),
                        OAuthClient.clientCredentials("reader", "r", Set.of("scim.read", "cloud_controller.read"))));
        verifier = idp.tokenVerifier();
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                new ResourceConfig().register(idp.uaaEndpoints()));
        idp.ensureAdmin("admin", "admin-pw");
        idp.createUser("alice", "alice-pw", "uaa", "alice@example.org");
        idp.createUser("alice", "ldap-pw", "ldap", "alice@ldap.example.org");
        adminToken = passwordGrant("admin", "admin-pw").body().path("access_token").asText();
    }

    @AfterAll
    void stop() {
        server.shutdownNow();
    }

    Answer passwordGrant(String username, String password) {
        return post("/oauth/token", CF_BASIC, form("grant_type", "password", "username", username,
                "password", password));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    Answer post(String path, String authorization, String form) {
        return post(path, authorization, form, "application/x-www-form-urlencoded");
    }

    Answer post(String path, String authorization, String body, String contentType) {
        var b = HttpRequest.newBuilder(URI.create(uaa + path)).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    Answer get(String path, String token) {
        var b = HttpRequest.newBuilder(URI.create(uaa + path)).header("Accept", "application/json").GET();
        if (token != null) {
            b.header("Authorization", "bearer " + token);
        }
        return send(b);
    }

    Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
            }
            return new Answer(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
