package dev.capi.tck.usage;

import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/app_usage_events}: global readers see them, everyone else an empty list. */
@Checks({
        "GET /v3/app_usage_events",
        "GET /v3/app_usage_events/:guid",
        "POST /v3/app_usage_events/actions/destructively_purge_all_and_reseed"})
class AppUsageEventsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    @Test
    void onlyGlobalReadersSeeEvents() {
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/app_usage_events"));
        assertThat(actors.as(SPACE_DEVELOPER).get("/v3/app_usage_events").body().path("pagination")
                .path("total_results").asInt()).isZero();
    }

    @Test
    void purgeIsForAdminsAndAnswersAnEmptyObject() {
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN),
                cf -> cf.post("/v3/app_usage_events/actions/destructively_purge_all_and_reseed", "{}"));
        ApiResponse r = admin.post("/v3/app_usage_events/actions/destructively_purge_all_and_reseed", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isZero();
        ApiResponse after = admin.get("/v3/app_usage_events");
        java.util.List<String> states = new java.util.ArrayList<>();
        after.body().path("resources").forEach(e -> states.add(e.path("state").path("current").asText()));
        assertThat(states).allMatch("STARTED"::equals);
    }

    @Test
    void afterGuidReturnsLaterEventsAndBadParametersAre422() {
        ApiResponse all = admin.get("/v3/app_usage_events");
        if (all.body().path("resources").size() > 0) {
            String first = all.body().path("resources").path(0).path("guid").asText();
            ApiResponse later = admin.get("/v3/app_usage_events?after_guid=" + first);
            assertThat(later.resourceValues("guid")).doesNotContain(first);
            assertThat(admin.get("/v3/app_usage_events/" + first).status()).isEqualTo(200);
        }
        assertThat(admin.get("/v3/app_usage_events?updated_ats=2020-01-01T00:00:00Z").status()).isEqualTo(422);
        assertThat(admin.get("/v3/app_usage_events?bogus=1").status()).isEqualTo(422);
        assertThat(admin.get("/v3/app_usage_events/nope").status()).isEqualTo(404);
    }
}
