package dev.capi.server.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.persistence.Database;
import dev.capi.server.CloudController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator log of a running server: every line carries a millisecond ISO-8601 timestamp, level, logger and
 * the request id (also lines written through SLF4J, java.util.logging and System.Logger while the request is
 * handled), one access line per request names method, path, status and user, and CAPI_LOG_FORMAT=json writes
 * one JSON object per line.
 */
class OperatorLogTest {
    private static final Pattern TEXT_LINE = Pattern.compile("^(\\S+) (\\S+) +(\\S+) \\[([^\\]]*)\\] (.*)$");
    private static final Pattern ISO_MILLIS = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
    private static final String USER = "oplog-user-guid";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path blobs;

    private final String requestId = "oplog-" + UUID.randomUUID();

    @AfterEach
    void backToText() {
        ServerLogging.install(LogFormat.TEXT);
    }

    @Test
    void textLinesCarryTimestampLevelLoggerAndRequestId() throws Exception {
        ServerLogging.install(LogFormat.TEXT);
        try (CapturedLog log = CapturedLog.capture()) {
            assertThat(listOrganizations()).isEqualTo(200);

            String access = log.await(l -> l.contains(" capi.requests [" + requestId + "]")).get(0);
            Matcher m = TEXT_LINE.matcher(access);
            assertThat(m.matches()).as(access).isTrue();
            assertThat(m.group(1)).matches(ISO_MILLIS);
            assertThat(OffsetDateTime.parse(m.group(1))).isNotNull();
            assertThat(m.group(2)).isEqualTo("INFO");
            assertThat(m.group(4)).isEqualTo(requestId);
            assertThat(m.group(5)).startsWith("GET /v3/organizations 200 ").contains("user_guid=" + USER)
                    .contains("request_id=" + requestId).containsPattern("sql=\\d+");

            for (String logger : List.of("test.slf4j", "test.jul", "test.system")) {
                String line = log.await(l -> l.contains(" " + logger + " ")).get(0);
                assertThat(line).as(logger).contains("[" + requestId + "]").matches(TEXT_LINE);
            }
            assertThat(log.await(l -> l.contains(" test.slf4j ")).get(0))
                    .as("control characters stay escaped").endsWith("verifying line\\u000aforged");
            assertThat(log.lines()).noneMatch(l -> l.startsWith("forged"));
        }
    }

    @Test
    void jsonFormatWritesOneObjectPerLine() throws Exception {
        ServerLogging.install(LogFormat.JSON);
        try (CapturedLog log = CapturedLog.capture()) {
            assertThat(listOrganizations()).isEqualTo(200);
            log.await(l -> l.contains("\"capi.requests\"") && l.contains(requestId));

            List<JsonNode> lines = log.lines().stream().map(OperatorLogTest::json).toList();
            JsonNode access = lines.stream().filter(l -> l.path("logger").asText().equals("capi.requests")
                    && l.path("request_id").asText().equals(requestId)).findFirst().orElseThrow();
            assertThat(access.path("timestamp").asText()).matches(ISO_MILLIS);
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("message").asText()).startsWith("GET /v3/organizations 200 ");
            assertThat(access.path("method").asText()).isEqualTo("GET");
            assertThat(access.path("path").asText()).isEqualTo("/v3/organizations");
            assertThat(access.path("status").asInt()).isEqualTo(200);
            assertThat(access.path("user_guid").asText()).isEqualTo(USER);
            assertThat(access.path("duration_ms").isNumber()).isTrue();
            assertThat(access.path("sql_statements").isInt()).isTrue();

            for (String logger : List.of("test.slf4j", "test.jul", "test.system")) {
                JsonNode line = lines.stream().filter(l -> l.path("logger").asText().equals(logger))
                        .findFirst().orElseThrow(() -> new AssertionError(logger + " in " + lines));
                assertThat(line.path("request_id").asText()).as(logger).isEqualTo(requestId);
                assertThat(line.path("timestamp").asText()).matches(ISO_MILLIS);
            }
        }
    }

    /** Starts a server whose token verifier logs through all three APIs, and lists orgs once; the status. */
    private int listOrganizations() throws Exception {
        TokenVerifier verifier = token -> {
            LoggerFactory.getLogger("test.slf4j").info("verifying {}", "line\nforged");
            java.util.logging.Logger.getLogger("test.jul").info("verifying through java.util.logging");
            System.getLogger("test.system").log(System.Logger.Level.INFO, "verifying through System.Logger");
            return new Principal(USER, "oplog", "uaa", "cf", Set.of(Principal.ADMIN, Principal.READ));
        };
        Database database = Database.open("jdbc:h2:mem:oplog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 4);
        CloudController cc = CloudController.builder().database(database).blobDirectory(blobs)
                .externalUrl("https://api.example.org").tokenVerifier(verifier).build();
        try (cc; database) {
            int port = cc.start("127.0.0.1", 0);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/organizations"))
                    .header("Authorization", "bearer any").header("X-VCAP-Request-ID", requestId).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("X-VCAP-Request-ID")).contains(requestId);
            return response.statusCode();
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
