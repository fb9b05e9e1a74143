package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.ratelimit.RateLimits;
import dev.capi.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter over HTTP on an embedded capi: 3 requests per minute for each user, 2 for each unauthenticated
 * address; tokens are user names ("admin" is an admin, anything else a reader/writer, "bad" does not verify).
 */
class RateLimitOverHttpTest {
    @TempDir
    static Path blobs;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Database database;
    private static CloudController limited;
    private static CloudController unlimited;
    private static String base;
    private static String unlimitedBase;

    @BeforeAll
    static void start() {
        database = Database.open("jdbc:h2:mem:capi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        limited = controller(database).rateLimits(RateLimits.on(3, 2, 1)).build();
        base = "http://127.0.0.1:" + limited.start("127.0.0.1", 0);
        unlimited = controller(database).build();
        unlimitedBase = "http://127.0.0.1:" + unlimited.start("127.0.0.1", 0);
    }

    private static CloudControllerBuilder controller(Database db) {
        return CloudController.builder().database(db).blobDirectory(blobs).externalUrl("https://api.example.org")
                .tokenVerifier(token -> {
                    if (token.equals("bad")) {
                        throw CfException.of(CfError.InvalidAuthToken);
                    }
                    return new Principal(token, token, "uaa", "cf", token.equals("admin")
                            ? Set.of(Principal.ADMIN) : Set.of(Principal.READ, Principal.WRITE));
                });
    }

    @AfterAll
    static void stop() {
        limited.close();
        unlimited.close();
        database.close();
    }

    @Test
    void headersCountDownAndTheFourthRequestIsRefused() throws Exception {
        long before = Instant.now().getEpochSecond();
        String reset = null;
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = get(base, "/v3/organizations", "alice", null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(header(ok, "X-RateLimit-Limit")).isEqualTo("3");
            assertThat(header(ok, "X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
            if (reset == null) {
                reset = header(ok, "X-RateLimit-Reset");
            }
            assertThat(header(ok, "X-RateLimit-Reset")).isEqualTo(reset);
            assertThat(ok.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(Long.parseLong(reset)).isBetween(before + 1, before + 61);

        HttpResponse<String> refused = get(base, "/v3/organizations", "alice", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
        assertThat(error.path("code").asInt()).isEqualTo(10013);
        assertThat(error.path("title").asText()).isEqualTo("CF-RateLimitExceeded");
        assertThat(error.path("detail").asText()).isEqualTo("Rate Limit Exceeded");
        assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(refused, "X-RateLimit-Reset")).isEqualTo(reset);
        assertThat(Long.parseLong(header(refused, "Retry-After"))).isBetween(0L, 60L);
    }

    @Test
    void anotherUserIsNotAffected() throws Exception {
        for (int i = 0; i < 4; i++) {
            get(base, "/v3/organizations", "bob", null);
        }
        assertThat(get(base, "/v3/organizations", "bob", null).statusCode()).isEqualTo(429);
        HttpResponse<String> carol = get(base, "/v3/organizations", "carol", null);
        assertThat(carol.statusCode()).isEqualTo(200);
        assertThat(header(carol, "X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void unauthenticatedRequestsAreCountedByAddress() throws Exception {
        HttpResponse<String> first = get(base, "/v3/organizations", null, "203.0.113.7");
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("2");
        assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("1");
        HttpResponse<String> badToken = get(base, "/v3/organizations", "bad", "203.0.113.7, 10.0.0.1");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(header(badToken, "X-RateLimit-Remaining")).isEqualTo("0");

        HttpResponse<String> refused = get(base, "/v3/organizations", null, "203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
        assertThat(error.path("code").asInt()).isEqualTo(10014);
        assertThat(error.path("title").asText()).isEqualTo("CF-IPBasedRateLimitExceeded");
        assertThat(error.path("detail").asText()).isEqualTo("Rate Limit Exceeded: Unauthenticated requests from "
                + "this IP address have exceeded the limit. Please log in.");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> otherAddress = get(base, "/v3/organizations", null, "203.0.113.8");
        assertThat(otherAddress.statusCode()).isEqualTo(401);
        assertThat(header(otherAddress, "X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(get(base, "/v3/organizations", "dave", "203.0.113.7").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAProxyTheConnectionsPeerIsTheAddress() throws Exception {
        assertThat(get(base, "/v3/apps", null, null).statusCode()).isEqualTo(401);
        var keys = database.jdbi().withHandle(h -> h.createQuery("SELECT counter_key FROM request_counts")
                .mapTo(String.class).list());
        assertThat(keys).contains("ip:127.0.0.1");
    }

    @Test
    void unknownPathsAreCountedToo() throws Exception {
        HttpResponse<String> missing = get(base, "/v3/no-such-thing", "erin", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void rootDocumentsAndAdminsAreNotLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            for (String path : new String[]{"/", "/v3"}) {
                HttpResponse<String> root = get(base, path, null, "198.51.100.1");
                assertThat(root.statusCode()).isEqualTo(200);
                assertThat(root.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            }
            HttpResponse<String> admin = get(base, "/v3/organizations", "admin", null);
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void oddForwardedForHeadersAreCountedWithoutFailing() throws Exception {
        for (String forwarded : new String[]{"x".repeat(5000), ",,,", "   ", "not an address; really"}) {
            HttpResponse<String> answer = get(base, "/v3/organizations", null, forwarded);
            assertThat(answer.statusCode()).isIn(401, 429);
            assertThat(answer.headers().firstValue("X-RateLimit-Limit")).contains("2");
        }
    }

    @Test
    void withTheLimiterOffThereAreNoHeaders() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = get(unlimitedBase, "/v3/organizations", "frank", null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static HttpResponse<String> get(String root, String path, String token, String forwardedFor)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).GET();
        if (token != null) {
            request.header("Authorization", "bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
