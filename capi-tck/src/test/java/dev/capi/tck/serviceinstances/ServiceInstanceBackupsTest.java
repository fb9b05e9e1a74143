package dev.capi.tck.serviceinstances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSMAPI backup rows ({@code POST .../backups}, {@code POST .../actions/restore}) on a managed instance of the
 * fixture broker, whose offerings do not advertise the OSMAPI backup feature: whoever may change the instance gets 422
 * saying so (and nothing is sent to the broker), readers of its space 403, everyone else 404; a user-provided
 * instance is refused because it has no broker.
 */
@Checks({"POST /v3/service_instances/:service_instance_guid/backups",
        "POST /v3/service_instances/:service_instance_guid/actions/restore",
        "GET /v3/service_instances/:service_instance_guid/backups", "PATCH /v3/service_plans/:guid/visibility"})
class ServiceInstanceBackupsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static FixtureBroker broker;
    static String managed;
    static String userProvided;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        broker = FixtureBroker.shared();
        String name = Tck.unique("backups-broker");
        JsonNode registered = admin.awaitJob(admin.post("/v3/service_brokers", obj("name", name, "url", broker.url(),
                "authentication", obj("type", "basic", "credentials", obj("username", broker.username(),
                        "password", broker.password())))));
        assertThat(registered.path("state").asText()).as(registered.toString()).isEqualTo("COMPLETE");
        String brokerGuid = admin.get("/v3/service_brokers?names=" + name).body().path("resources").path(0)
                .path("guid").asText();
        String small = admin.get("/v3/service_plans?service_broker_guids=" + brokerGuid + "&names=small").body()
                .path("resources").path(0).path("guid").asText();
        ApiResponse visible = admin.patch("/v3/service_plans/" + small + "/visibility", obj("type", "public"));
        assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
        String instanceName = Tck.unique("backed-up");
        JsonNode created = admin.awaitJob(admin.post("/v3/service_instances", obj("type", "managed", "name",
                instanceName, "relationships", obj("space", rel(actors.spaceGuid()), "service_plan", rel(small)))));
        assertThat(created.path("state").asText()).as(created.toString()).isEqualTo("COMPLETE");
        managed = admin.get("/v3/service_instances?names=" + instanceName).body().path("resources").path(0)
                .path("guid").asText();
        ApiResponse ups = admin.post("/v3/service_instances", obj("type", "user-provided", "name",
                Tck.unique("ups"), "relationships", obj("space", rel(actors.spaceGuid()))));
        assertThat(ups.status()).as(ups.toString()).isEqualTo(201);
        userProvided = ups.body().path("guid").asText();
    }

    private static Expect changers() {
        return Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_MANAGER, SPACE_MANAGER,
                SPACE_AUDITOR, SPACE_SUPPORTER).and(422, ADMIN, SPACE_DEVELOPER);
    }

    @Test
    void POST_backupIsRefusedForOfferingsWithoutTheOsmapiBackupFeature() {
        actors.check(changers(), cf -> cf.post("/v3/service_instances/" + managed + "/backups", obj()));
        ApiResponse r = admin.post("/v3/service_instances/" + managed + "/backups", obj());
        assertThat(r.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(r.errorDetail()).startsWith("The service offering tck-db")
                .endsWith("does not support the OSMAPI backup feature.");
        assertThat(broker.requests()).noneMatch(l -> l.contains("backup"));
        ApiResponse ups = admin.post("/v3/service_instances/" + userProvided + "/backups", obj());
        assertThat(ups.status()).isEqualTo(422);
        assertThat(ups.errorDetail()).isEqualTo("Backups are only supported for managed service instances.");
        assertThat(admin.post("/v3/service_instances/does-not-exist/backups", obj()).status()).isEqualTo(404);
    }

    @Test
    void POST_restoreIsRefusedForOfferingsWithoutTheOsmapiBackupFeature() {
        String path = "/v3/service_instances/" + managed + "/actions/restore";
        actors.check(changers(), cf -> cf.post(path, obj("backup_id", "b-1")));
        ApiResponse r = admin.post(path, obj("backup_id", "b-1", "source_service_instance_guid", managed));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorDetail()).endsWith("does not support the OSMAPI backup feature.");
        assertThat(broker.requests()).noneMatch(l -> l.contains("restore"));
        assertThat(admin.post("/v3/service_instances/" + userProvided + "/actions/restore", obj()).status())
                .isEqualTo(422);
        assertThat(admin.get("/v3/service_instances/" + managed).body().path("last_operation").path("state")
                .asText()).isEqualTo("succeeded");
    }
}
