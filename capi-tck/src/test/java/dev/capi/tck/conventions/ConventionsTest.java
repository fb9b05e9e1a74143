package dev.capi.tck.conventions;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The V3 conventions every endpoint shares: errors, authentication, request ids, root documents. */
@Checks({"GET /v3", "GET /v3/info", "GET /v3/jobs/:guid", "GET /v3/organizations", "POST /v3/organizations", "GET /"})
class ConventionsTest {
    static Tck tck;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
    }

    @Test
    void unknownRoutesAreCfNotFoundEvenWithoutAToken() {
        for (Cf cf : new Cf[]{tck.admin(), tck.anonymous()}) {
            ApiResponse r = cf.get("/v3/no_such_thing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorTitle()).isEqualTo("CF-NotFound");
            assertThat(r.errorCode()).isEqualTo(10000);
            assertThat(r.errorDetail()).isEqualTo("Unknown request");
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIsUnknownRequest() {
        ApiResponse r = tck.admin().send("PUT", "/v3/organizations", "{}", "application/json");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorTitle()).isEqualTo("CF-NotFound");
    }

    @Test
    void missingTokenIsNotAuthenticated() {
        ApiResponse r = tck.anonymous().get("/v3/organizations");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorTitle()).isEqualTo("CF-NotAuthenticated");
        assertThat(r.errorCode()).isEqualTo(10002);
    }

    @Test
    void forgedOrGarbageTokensAreInvalidAuthToken() {
        String forged = tck.admin().token().substring(0, tck.admin().token().lastIndexOf('.') + 1) + "AAAA";
        for (String token : new String[]{"garbage", forged}) {
            ApiResponse r = tck.withToken(token).get("/v3/organizations");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorTitle()).isEqualTo("CF-InvalidAuthToken");
            assertThat(r.errorCode()).isEqualTo(1000);
        }
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesTheCallers() {
        assertThat(tck.anonymous().get("/v3").header("X-VCAP-Request-ID")).isNotBlank();
        assertThat(tck.anonymous().get("/v3/nothing").header("X-VCAP-Request-ID")).isNotBlank();
    }

    @Test
    void rootLinksToTheIdentityProviderAndNullsWhatDoesNotApply() {
        ApiResponse r = tck.anonymous().get("/");
        assertThat(r.status()).isEqualTo(200);
        var links = r.body().path("links");
        assertThat(links.path("self").path("href").asText()).isEqualTo(tck.baseUrl());
        assertThat(links.path("cloud_controller_v3").path("href").asText()).isEqualTo(tck.baseUrl() + "/v3");
        assertThat(links.path("login").path("href").asText()).startsWith("http");
        assertThat(links.path("uaa").path("href").asText()).startsWith("http");
        assertThat(links.has("credhub")).isTrue();
        assertThat(links.path("credhub").isNull()).isTrue();
    }

    @Test
    void v3RootAndInfoAnswerAnonymously() {
        ApiResponse v3 = tck.anonymous().get("/v3");
        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.body().path("links").path("organizations").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/organizations");
        ApiResponse info = tck.anonymous().get("/v3/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().path("links").path("self").path("href").asText()).endsWith("/v3/info");
        ApiResponse v2 = tck.anonymous().get("/v2/info");
        assertThat(v2.body().path("token_endpoint").asText()).startsWith("http");
        assertThat(v2.body().path("authorization_endpoint").asText()).startsWith("http");
        assertThat(v2.body().path("api_version").asText()).startsWith("2.");
    }

    @Test
    void unknownJobIsResourceNotFound() {
        ApiResponse r = tck.admin().get("/v3/jobs/no-such-job");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorDetail()).isEqualTo("Job not found");
    }

    @Test
    void oversizedBodiesGetAnErrorDocument() {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        ApiResponse r = tck.admin().send("POST", "/v3/organizations", big, "application/json");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorTitle()).startsWith("CF-");
    }
}
