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

/** Conformance of {@code /v3/service_usage_events} (no service instances exist, so no events are written). */
@Checks({
        "GET /v3/service_usage_events",
        "GET /v3/service_usage_events/:guid",
        "POST /v3/service_usage_events/actions/destructively_purge_all_and_reseed"})
class ServiceUsageEventsTest {
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
    void everyoneListsButOnlyGlobalReadersSeeEvents() {
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/service_usage_events"));
        ApiResponse mine = actors.as(SPACE_DEVELOPER).get("/v3/service_usage_events");
        assertThat(mine.body().path("pagination").path("total_results").asInt()).isZero();
        assertThat(mine.body().path("pagination").path("first").path("href").asText())
                .startsWith(tck.baseUrl() + "/v3/service_usage_events");
    }

    @Test
    void unknownEventsAre404ForEveryone() {
        actors.check(Expect.byDefault(404), cf -> cf.get("/v3/service_usage_events/nope"));
        assertThat(admin.get("/v3/service_usage_events/nope").errorDetail())
                .isEqualTo("Service usage event not found");
    }

    @Test
    void purgeIsForAdminsAndAnswersAnEmptyObject() {
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN),
                cf -> cf.post("/v3/service_usage_events/actions/destructively_purge_all_and_reseed", null));
        ApiResponse r = admin.post("/v3/service_usage_events/actions/destructively_purge_all_and_reseed", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isZero();
        int instances = admin.get("/v3/service_instances?per_page=1").body().path("pagination")
                .path("total_results").asInt();
        var events = admin.get("/v3/service_usage_events?per_page=5000").body();
        assertThat(events.path("pagination").path("total_results").asInt())
                .as("one reseeded event per existing service instance").isEqualTo(instances);
        events.path("resources").forEach(e -> assertThat(e.path("state").asText()).isEqualTo("CREATED"));
    }

    @Test
    void badParametersAre422() {
        assertThat(admin.get("/v3/service_usage_events?after_guid=a,b").errorDetail())
                .contains("After guid filter accepts only one guid");
        assertThat(admin.get("/v3/service_usage_events?bogus=1").status()).isEqualTo(422);
        assertThat(admin.get("/v3/service_usage_events?order_by=name").status()).isEqualTo(422);
        assertThat(admin.get("/v3/service_usage_events?service_instance_types=managed_service_instance"
                + "&service_offering_guids=x&order_by=-created_at").status()).isEqualTo(200);
    }
}
