package dev.capi.tck.quotas;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of the organization and platform usage summaries. */
@Checks({"GET /v3/info/usage_summary", "GET /v3/organizations/:guid/usage_summary"})
class UsageSummaryTest {
    static final List<String> FIELDS = List.of("started_instances", "memory_in_mb", "routes", "service_instances",
            "reserved_ports", "domains", "per_app_tasks", "service_keys");
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    private static void hasEveryCount(JsonNode summary) {
        List<String> fields = new java.util.ArrayList<>();
        summary.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(FIELDS);
        summary.forEach(v -> assertThat(v.isIntegralNumber()).isTrue());
    }

    @Test
    @DisplayName("GET /v3/organizations/:guid/usage_summary")
    void organizationReadersSeeItsUsage() {
        String path = "/v3/organizations/" + actors.orgGuid() + "/usage_summary";
        ApiResponse r = actors.as(ORG_USER).get(path);
        assertThat(r.status()).isEqualTo(200);
        hasEveryCount(r.body().path("usage_summary"));
        assertThat(r.body().path("usage_summary").path("started_instances").asInt()).isZero();
        assertThat(r.body().path("links").path("self").path("href").asText()).isEqualTo(tck.baseUrl() + path);
        assertThat(r.body().path("links").path("organization").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/organizations/" + actors.orgGuid());
        actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get(path));
        ApiResponse missing = admin.get("/v3/organizations/does-not-exist/usage_summary");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorDetail()).isEqualTo("Organization not found");
    }

    @Test
    @DisplayName("GET /v3/info/usage_summary")
    void globalReadersSeeThePlatformUsage() {
        ApiResponse r = admin.get("/v3/info/usage_summary");
        assertThat(r.status()).isEqualTo(200);
        hasEveryCount(r.body().path("usage_summary"));
        assertThat(r.body().path("links").path("self").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/info/usage_summary");
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/info/usage_summary"));
        assertThat(actors.as(ORG_MANAGER).get("/v3/info/usage_summary").errorTitle()).isEqualTo("CF-NotFound");
        assertThat(tck.anonymous().get("/v3/info/usage_summary").status()).isEqualTo(401);
    }
}
