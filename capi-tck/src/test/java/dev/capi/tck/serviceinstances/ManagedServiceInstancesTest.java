package dev.capi.tck.serviceinstances;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Managed instances against the fixture broker over HTTP. Until brokers can be registered through
 * {@code POST /v3/service_brokers}, the broker, its offering and plans are seeded in the embedded server's database
 * (so these tests need the embedded server).
 */
@Checks({"DELETE /v3/service_instances/:guid", "DELETE /v3/service_instances/:guid/relationships/shared_spaces/:space_guid", "GET /v3/audit_events", "GET /v3/feature_flags/:name", "GET /v3/service_instances", "GET /v3/service_instances/:guid", "GET /v3/service_instances/:guid/relationships/shared_spaces", "GET /v3/service_instances/:guid/relationships/shared_spaces/usage_summary", "PATCH /v3/feature_flags/:name", "PATCH /v3/service_instances/:guid", "POST /v3/service_instances/:guid/relationships/shared_spaces"})
class ManagedServiceInstancesTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static FixtureBroker broker;
    static String small;
    static String large;
    static String quick;

    @BeforeAll
    static void setUp() throws Exception {
        tck = Tck.get();
        assumeTrue(tck.isEmbedded(), "seeding the catalog needs the embedded server");
        admin = tck.admin();
        actors = tck.actors();
        broker = FixtureBroker.shared();
        SeededCatalog catalog = SeededCatalog.seed(tck, broker);
        small = catalog.small();
        large = catalog.large();
        quick = catalog.quick();
    }

    private static Object body(String name, String plan, Map<String, Object> fixture) {
        return obj("type", "managed", "name", name, "relationships", obj("space", rel(actors.spaceGuid()),
                "service_plan", rel(plan)), "parameters", obj("fixture", fixture, "size", 3));
    }

    private static ApiResponse create(Cf cf, String name, String plan, Map<String, Object> fixture) {
        return cf.post("/v3/service_instances", body(name, plan, fixture));
    }

    private static JsonNode instanceNamed(String name) {
        return admin.get("/v3/service_instances?names=" + name).body().path("resources").get(0);
    }

    @Test
    void anAsynchronousCreateIsPolledToCreateSucceededAndDeletedAgain() {
        String name = Tck.unique("db");
        ApiResponse accepted = create(actors.as(SPACE_DEVELOPER), name, small, Map.of("mode", "async", "polls", 1));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode job = admin.awaitJob(accepted);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("service_instance.create");
        JsonNode si = instanceNamed(name);
        String guid = si.path("guid").asText();
        assertThat(si.path("type").asText()).isEqualTo("managed");
        assertThat(si.path("last_operation").path("type").asText()).isEqualTo("create");
        assertThat(si.path("last_operation").path("state").asText()).isEqualTo("succeeded");
        assertThat(si.path("relationships").path("service_plan").path("data").path("guid").asText()).isEqualTo(small);
        assertThat(si.path("upgrade_available").asBoolean()).isFalse();
        assertThat(broker.requests()).anyMatch(r -> r.startsWith("PUT /v2/service_instances/" + guid)
                && r.contains("accepts_incomplete=true"));
        assertThat(broker.requests()).anyMatch(r -> r.startsWith("GET /v2/service_instances/" + guid
                + "/last_operation"));
        assertThat(broker.headersOfLast("PUT /v2/service_instances/" + guid))
                .containsKey("x-broker-api-originating-identity");

        ApiResponse parameters = actors.as(SPACE_DEVELOPER).get("/v3/service_instances/" + guid + "/parameters");
        assertThat(parameters.status()).as(parameters.toString()).isEqualTo(200);

        ApiResponse deleted = actors.as(SPACE_DEVELOPER).delete("/v3/service_instances/" + guid);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(admin.awaitJob(deleted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/service_instances/" + guid).status()).isEqualTo(404);
        assertThat(UserProvidedServiceInstancesTest.usageStates(admin, guid)).containsExactly("CREATED", "DELETED");
        assertThat(admin.get("/v3/audit_events?target_guids=" + guid).resourceValues("type"))
                .contains("audit.service_instance.start_create", "audit.service_instance.create",
                        "audit.service_instance.delete");
    }

    @Test
    void aBrokerFailureLeavesACreateFailedInstanceAndMitigatesTheOrphan() {
        String name = Tck.unique("db");
        ApiResponse accepted = create(admin, name, small, Map.of("mode", "fail_500"));
        JsonNode job = admin.awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("FAILED");
        assertThat(job.path("errors").get(0).path("title").asText()).isEqualTo("CF-UnableToPerform");
        JsonNode si = instanceNamed(name);
        assertThat(si.path("last_operation").path("type").asText()).isEqualTo("create");
        assertThat(si.path("last_operation").path("state").asText()).isEqualTo("failed");
        String guid = si.path("guid").asText();
        assertThat(broker.requests()).anyMatch(r -> r.startsWith("DELETE /v2/service_instances/" + guid));
    }

    @Test
    void aBrokerThatNeverFinishesIsAbandonedAfterThePlansMaximumPollingDuration() {
        String name = Tck.unique("db");
        JsonNode job = admin.awaitJob(create(admin, name, quick, Map.of("mode", "never_finishes")));
        assertThat(job.path("state").asText()).isEqualTo("FAILED");
        JsonNode si = instanceNamed(name);
        assertThat(job.path("errors").get(0).path("title").asText()).as(job + " " + si).isEqualTo("CF-JobTimeout");
        assertThat(si.path("last_operation").path("state").asText()).isEqualTo("failed");
        assertThat(si.path("last_operation").path("description").asText())
                .isEqualTo("Service Broker failed to provision within the required time.");
    }

    @Test
    void updatesThePlanAndSharesIntoAnotherSpace() {
        String name = Tck.unique("db");
        assertThat(admin.awaitJob(create(admin, name, small, Map.of("mode", "sync"))).path("state").asText())
                .isEqualTo("COMPLETE");
        String guid = instanceNamed(name).path("guid").asText();
        ApiResponse update = actors.as(SPACE_DEVELOPER).patch("/v3/service_instances/" + guid,
                obj("relationships", obj("service_plan", rel(large))));
        assertThat(update.status()).as(update.toString()).isEqualTo(202);
        assertThat(admin.awaitJob(update).path("state").asText()).isEqualTo("COMPLETE");
        JsonNode updated = admin.get("/v3/service_instances/" + guid).body();
        assertThat(updated.path("relationships").path("service_plan").path("data").path("guid").asText())
                .isEqualTo(large);
        assertThat(updated.path("last_operation").path("type").asText()).isEqualTo("update");

        ApiResponse tags = actors.as(SPACE_DEVELOPER).patch("/v3/service_instances/" + guid,
                obj("tags", List.of("a")));
        assertThat(tags.status()).isEqualTo(200);

        String other = tck.createSpace(actors.orgGuid()).path("guid").asText();
        boolean sharing = admin.get("/v3/feature_flags/service_instance_sharing").body().path("enabled").asBoolean();
        try {
            admin.patch("/v3/feature_flags/service_instance_sharing", obj("enabled", true));
            ApiResponse share = admin.post("/v3/service_instances/" + guid + "/relationships/shared_spaces",
                    obj("data", List.of(obj("guid", other))));
            assertThat(share.status()).as(share.toString()).isEqualTo(200);
            assertThat(share.body().path("data").get(0).path("guid").asText()).isEqualTo(other);
            assertThat(admin.get("/v3/service_instances?space_guids=" + other).resourceValues("guid"))
                    .contains(guid);
            JsonNode summary = admin.get("/v3/service_instances/" + guid
                    + "/relationships/shared_spaces/usage_summary").body();
            assertThat(summary.path("usage_summary").get(0).path("space").path("guid").asText()).isEqualTo(other);
            assertThat(summary.path("usage_summary").get(0).path("bound_app_count").asInt()).isZero();
            JsonNode fields = admin.get("/v3/service_instances/" + guid
                    + "/relationships/shared_spaces?fields[space]=name,guid").body();
            assertThat(fields.path("included").path("spaces").get(0).path("guid").asText()).isEqualTo(other);
            ApiResponse rename = admin.patch("/v3/service_instances/" + guid, obj("name", "renamed"));
            assertThat(rename.status()).isEqualTo(422);
            assertThat(admin.delete("/v3/service_instances/" + guid + "/relationships/shared_spaces/" + other)
                    .status()).isEqualTo(204);
        } finally {
            admin.patch("/v3/feature_flags/service_instance_sharing", obj("enabled", sharing));
        }
        assertThat(admin.delete("/v3/service_instances/" + guid + "?purge=true").status()).isEqualTo(204);
    }

    @Test
    void spaceDevelopersCreateManagedInstancesAndBadPlansAreRefused() {
        actors.check(Expect.byDefault(403).and(202, ADMIN, SPACE_DEVELOPER)
                        .and(422, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> create(cf, Tck.unique("db"), small, Map.of("mode", "sync")));
        long before = admin.get("/v3/service_instances").body().path("pagination").path("total_results").asLong();
        ApiResponse noPlan = create(admin, Tck.unique("db"), "no-such-plan", Map.of());
        assertThat(noPlan.status()).isEqualTo(422);
        assertThat(noPlan.errorDetail()).isEqualTo("Invalid service plan. Ensure that the service plan exists, "
                + "is available, and you have access to it.");
        ApiResponse missingPlan = admin.post("/v3/service_instances", obj("type", "managed", "name", "x",
                "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(missingPlan.status()).isEqualTo(422);
        ApiResponse credentials = admin.post("/v3/service_instances", obj("type", "managed", "name", "x",
                "relationships", obj("space", rel(actors.spaceGuid()), "service_plan", rel(small)),
                "credentials", obj()));
        assertThat(credentials.status()).isEqualTo(422);
        assertThat(credentials.errorDetail()).contains("Unknown field(s): 'credentials'");
        assertThat(admin.get("/v3/service_instances").body().path("pagination").path("total_results").asLong())
                .isEqualTo(before);
    }
}
