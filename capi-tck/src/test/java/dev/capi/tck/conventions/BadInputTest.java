package dev.capi.tck.conventions;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets the reference's error document and changes nothing: control characters, oversized chunked bodies,
 * invalid UTF-8, non-JSON content types, pages past the end or out of bounds, and names that differ only in case.
 */
class BadInputTest {
    static Tck tck;
    static Cf admin;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
    }

    /**
     * The organizations that exist. "Nothing created" is checked as "no new guid" rather than by a total: other tests'
     * delete jobs may still be removing their organizations while these run.
     */
    static java.util.Set<String> organizations() {
        java.util.Set<String> guids = new java.util.HashSet<>();
        admin.get("/v3/organizations?per_page=5000").body().path("resources")
                .forEach(o -> guids.add(o.path("guid").asText()));
        return guids;
    }

    static void assertNothingCreated(java.util.Set<String> before) {
        assertThat(before).as("no new organization").containsAll(organizations());
    }

    static void assertError(ApiResponse r, int status, String title, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorTitle()).as(r.toString()).isEqualTo(title);
        if (detail != null) {
            assertThat(r.errorDetail()).as(r.toString()).isEqualTo(detail);
        }
    }

    @Nested
    @Checks({
            "GET /v3/organizations",
            "GET /v3/organizations/:guid",
            "GET /v3/spaces",
            "POST /v3/organizations",
            "POST /v3/spaces"})
    class ControlCharacters {
        @Test
        void aNulInANameIsUnprocessableAndCreatesNothing() {
            var before = organizations();
            ApiResponse r = admin.post("/v3/organizations", "{\"name\": \"a\\u0000b\"}");
            assertError(r, 422, "CF-UnprocessableEntity", "Name must not contain control characters");
            assertNothingCreated(before);
        }

        @Test
        void otherControlCharactersInNamesAreUnprocessable() {
            String org = tck.createOrg().path("guid").asText();
            ApiResponse r = admin.post("/v3/spaces", "{\"name\": \"bell\\u0007\", \"relationships\": {\"organization\": "
                    + "{\"data\": {\"guid\": \"" + org + "\"}}}}");
            assertError(r, 422, "CF-UnprocessableEntity", null);
            assertThat(r.errorDetail()).startsWith("Name must not contain");
            assertThat(admin.get("/v3/spaces?organization_guids=" + org).body().path("pagination")
                    .path("total_results").asInt()).isZero();
        }

        @Test
        void aNulAnywhereInTheBodyIsUnprocessable() {
            var before = organizations();
            ApiResponse r = admin.post("/v3/organizations", "{\"name\": \"" + Tck.unique("nul") + "\", \"metadata\": "
                    + "{\"annotations\": {\"note\": \"x\\u0000y\"}}}");
            assertError(r, 422, "CF-UnprocessableEntity", "Metadata must not contain control characters");
            assertNothingCreated(before);
        }

        @Test
        void aNulInAQueryParameterIsABadQueryParameter() {
            assertError(admin.get("/v3/organizations?names=a%00b"), 400, "CF-BadQueryParameter", null);
        }

        @Test
        void aNulInAPathMatchesNoRoute() {
            assertError(admin.get("/v3/organizations/a%00b"), 404, "CF-NotFound", "Unknown request");
        }
    }

    @Nested
    @Checks({"POST /v3/organizations"})
    class Bodies {
        @Test
        void theBodyLimitHoldsForChunkedBodies() throws Exception {
            var before = organizations();
            StringBuilder big = new StringBuilder("{\"name\": \"chunked\", \"metadata\": {\"annotations\": {");
            for (int i = 0; big.length() < 2_500_000; i++) {
                big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"").append("v".repeat(200))
                        .append('"');
            }
            byte[] body = big.append("}}}").toString().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(tck.baseUrl() + "/v3/organizations"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "bearer " + admin.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.body()).contains("CF-RequestEntityTooLarge");
            assertNothingCreated(before);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"overlong slash,C0AF", "raw FF,FF", "encoded surrogate,EDA080"})
        void bodiesThatAreNotUtf8AreParseErrors(String what, String hex) {
            var before = organizations();
            byte[] prefix = "{\"name\": \"bad".getBytes(StandardCharsets.UTF_8);
            byte[] bad = java.util.HexFormat.of().parseHex(hex);
            byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            assertError(admin.sendBytes("POST", "/v3/organizations", body, "application/json"), 400,
                    "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
            assertNothingCreated(before);
        }

        @Test
        @Checks({"POST /v3/apps/:guid/actions/stop", "POST /v3/admin/actions/clear_buildpack_cache"})
        void aMalformedOrTooDeepBodyIsAParseErrorEvenWhereTheEndpointReadsNoBody() {
            String space = tck.createSpace(tck.createOrg().path("guid").asText()).path("guid").asText();
            ApiResponse app = admin.post("/v3/apps", "{\"name\": \"" + Tck.unique("app") + "\", \"relationships\": "
                    + "{\"space\": {\"data\": {\"guid\": \"" + space + "\"}}}}");
            String guid = app.body().path("guid").asText();
            String updated = app.body().path("updated_at").asText();
            String deep = "{\"a\": " + "[".repeat(101) + "]".repeat(101) + "}";
            for (String body : new String[]{"{\"state\": ", deep, "{} {}"}) {
                assertError(admin.post("/v3/apps/" + guid + "/actions/stop", body), 400, "CF-MessageParseError",
                        "Request invalid due to parse error: invalid request body");
                assertError(admin.post("/v3/admin/actions/clear_buildpack_cache", body), 400,
                        "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
                assertError(admin.post("/v3/apps/00000000-0000-0000-0000-000000000000/actions/stop", body), 400,
                        "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
            }
            assertThat(admin.get("/v3/apps/" + guid).body().path("updated_at").asText()).isEqualTo(updated);
            String shallow = "{\"metadata\": {\"labels\": {}, \"annotations\": {\"a\": \"" + "[".repeat(200) + "\"}}}";
            assertThat(admin.patch("/v3/apps/" + guid, shallow).status()).isEqualTo(200);
        }

        @Test
        @Checks({"POST /internal/v4/apps/:process_guid/crashed"})
        void theInternalApiRefusesJsonThatIsNotUtf8OrMalformedAndRecordsNothing() {
            org.junit.jupiter.api.Assumptions.assumeTrue(tck.internal() != null, "no internal listener given");
            String space = tck.createSpace(tck.createOrg().path("guid").asText()).path("guid").asText();
            String app = admin.post("/v3/apps", "{\"name\": \"" + Tck.unique("app") + "\", \"relationships\": "
                    + "{\"space\": {\"data\": {\"guid\": \"" + space + "\"}}}}").body().path("guid").asText();
            byte[] notUtf8 = {'{', '"', 'r', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
            ApiResponse r = tck.internal().sendBytes("POST", "/internal/v4/apps/" + app + "/crashed", notUtf8,
                    "application/json");
            assertError(r, 400, "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
            assertError(tck.internal().send("POST", "/internal/v4/apps/" + app + "/crashed", "{\"reason\": ",
                    "application/json"), 400, "CF-MessageParseError", null);
            assertThat(admin.get("/v3/audit_events?types=audit.app.process.crash&target_guids=" + app).body()
                    .path("resources")).isEmpty();
        }

        @Test
        @Checks({"GET /v3/organizations", "DELETE /v3/organizations/:guid"})
        void aGetOrDeleteWithABodyIsReadAsTheReferenceDoes() {
            byte[] malformed = "{\"name\": ".getBytes(StandardCharsets.UTF_8);
            assertError(admin.sendBytes("GET", "/v3/organizations", malformed, "application/json"), 400,
                    "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
            String org = tck.createOrg().path("guid").asText();
            assertError(admin.sendBytes("DELETE", "/v3/organizations/" + org, malformed, "application/json"), 400,
                    "CF-MessageParseError", "Request invalid due to parse error: invalid request body");
            assertThat(admin.get("/v3/organizations/" + org).status()).isEqualTo(200);
            assertThat(admin.sendBytes("GET", "/v3/organizations/" + org, "{}".getBytes(StandardCharsets.UTF_8),
                    "application/json").status()).isEqualTo(200);
        }

        @Test
        void aLoneSurrogateIsAParseError() {
            var before = organizations();
            assertError(admin.post("/v3/organizations", "{\"name\": \"lone\\ud800\"}"), 400, "CF-MessageParseError",
                    "Request invalid due to parse error: invalid request body");
            assertNothingCreated(before);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"text/plain", "application/xml"})
        void aJsonBodyUnderAnotherContentTypeIsNotReadAsTheReferenceDoes(String contentType) {
            var before = organizations();
            ApiResponse r = admin.send("POST", "/v3/organizations", "{\"name\": \"" + Tck.unique("typed") + "\"}",
                    contentType);
            assertError(r, 422, "CF-UnprocessableEntity", "Name can't be blank, Name must be a string");
            assertNothingCreated(before);
        }

        @Test
        void aJsonBodyWithoutAContentTypeIsNotRead() throws Exception {
            var before = organizations();
            HttpRequest request = HttpRequest.newBuilder(URI.create(tck.baseUrl() + "/v3/organizations"))
                    .header("Authorization", "bearer " + admin.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + Tck.unique("untyped") + "\"}"))
                    .build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertNothingCreated(before);
        }
    }

    @Nested
    @Checks({"GET /v3/organizations"})
    class Pages {
        @Test
        void aPageFarPastTheLastIsEmptyWithConsistentLinks() {
            ApiResponse r = admin.get("/v3/organizations?page=2147483647&per_page=2");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            var pagination = r.body().path("pagination");
            assertThat(r.body().path("resources")).isEmpty();
            assertThat(pagination.path("next").isNull()).isTrue();
            assertThat(pagination.path("previous").path("href").asText()).endsWith("page=2147483646&per_page=2");
            assertThat(pagination.path("first").path("href").asText()).endsWith("page=1&per_page=2");
        }

        @Test
        void aPageBeyondTheIntegerRangeStillAnswers() {
            ApiResponse r = admin.get("/v3/organizations?page=2147483648&per_page=1");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.body().path("pagination").path("previous").path("href").asText())
                    .endsWith("page=2147483647&per_page=1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "page=0|Page must be a positive integer",
                "page=-1|Page must be a positive integer",
                "page=abc|Page must be a positive integer",
                "per_page=0|Per page must be a positive integer",
                "per_page=x|Per page must be a positive integer",
                "per_page=5001|Per page must be between 1 and 5000",
                "page=9223372036854775807&per_page=2|"
                        + "Maximum result (page * per_page) must be less than 9223372036854775807"})
        void pagesOutOfBoundsAreBadQueryParameters(String query, String message) {
            assertError(admin.get("/v3/organizations?" + query), 400, "CF-BadQueryParameter",
                    "The query parameter is invalid: " + message);
        }
    }

    @Nested
    @Checks({
            "POST /v3/domains",
            "POST /v3/isolation_segments",
            "POST /v3/organization_quotas",
            "POST /v3/organizations",
            "POST /v3/spaces"})
    class CaseInsensitiveNames {
        @Test
        void concurrentCreatesOfOneNameInSixteenSpellingsCreateOne() throws Exception {
            String base = Tck.unique("caserace");
            var before = organizations();
            List<Callable<ApiResponse>> creates = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                StringBuilder spelling = new StringBuilder();
                for (int c = 0; c < base.length(); c++) {
                    char ch = base.charAt(c);
                    spelling.append(((i >> (c % 4)) & 1) == 1 ? Character.toUpperCase(ch) : ch);
                }
                String name = spelling.toString();
                creates.add(() -> admin.post("/v3/organizations", "{\"name\": \"" + name + "\"}"));
            }
            var pool = Executors.newFixedThreadPool(16);
            try {
                List<ApiResponse> answers = new ArrayList<>();
                for (var f : pool.invokeAll(creates)) {
                    answers.add(f.get());
                }
                assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
                assertThat(answers).filteredOn(r -> r.status() == 422).hasSize(15)
                        .allSatisfy(r -> assertThat(r.errorDetail()).endsWith("already exists."));
            } finally {
                pool.shutdownNow();
            }
            var created = organizations();
            created.removeAll(before);
            assertThat(created).as("exactly one new organization").hasSize(1);
        }

        @Test
        void spaceDomainQuotaAndSegmentNamesIgnoreCase() {
            String org = tck.createOrg().path("guid").asText();
            String space = Tck.unique("Space");
            String rel = ", \"relationships\": {\"organization\": {\"data\": {\"guid\": \"" + org + "\"}}}}";
            assertThat(admin.post("/v3/spaces", "{\"name\": \"" + space + "\"" + rel).status()).isEqualTo(201);
            assertThat(admin.post("/v3/spaces", "{\"name\": \"" + space.toUpperCase() + "\"" + rel).status())
                    .isEqualTo(422);
            String domain = Tck.unique("case") + ".example.com";
            assertThat(admin.post("/v3/domains", "{\"name\": \"" + domain + "\"}").status()).isEqualTo(201);
            assertError(admin.post("/v3/domains", "{\"name\": \"" + domain.toUpperCase() + "\"}"), 422,
                    "CF-UnprocessableEntity", null);
            String quota = Tck.unique("Quota");
            assertThat(admin.post("/v3/organization_quotas", "{\"name\": \"" + quota + "\"}").status()).isEqualTo(201);
            assertThat(admin.post("/v3/organization_quotas", "{\"name\": \"" + quota.toLowerCase() + "\"}").status())
                    .isEqualTo(422);
            String segment = Tck.unique("Segment");
            assertThat(admin.post("/v3/isolation_segments", "{\"name\": \"" + segment + "\"}").status())
                    .isEqualTo(201);
            assertError(admin.post("/v3/isolation_segments", "{\"name\": \"" + segment.toUpperCase() + "\"}"), 422,
                    "CF-UnprocessableEntity", "Isolation Segment names are case insensitive and must be unique");
        }
    }
}
