package dev.capi.tck.servicebrokers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.fixtures.broker.FixtureBroker;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker update whose new catalog drops a plan that instances still use: the plan is deactivated, and the update
 * job carries the reference's warning in its {@code warnings}. Uses a fixture broker of its own (its catalog is
 * changed).
 */
@Checks({"PATCH /v3/service_brokers/:guid", "GET /v3/jobs/:guid", "PATCH /v3/service_plans/:guid/visibility",
        "GET /v3/service_plans"})
class BrokerUpdateWarningsTest {
    static Tck tck;
    static Cf admin;
    static FixtureBroker broker;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        broker = FixtureBroker.start("warn" + UUID.randomUUID().toString().substring(0, 6), "warn-user",
                "warn-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void droppingAPlanInUseDeactivatesItAndWarnsInTheUpdateJob() {
        String name = Tck.unique("warn");
        ApiResponse registered = admin.post("/v3/service_brokers", obj("name", name, "url", broker.url(),
                "authentication", obj("type", "basic", "credentials", obj("username", broker.username(),
                        "password", broker.password()))));
        assertThat(admin.awaitJob(registered).path("state").asText()).isEqualTo("COMPLETE");
        String brokerGuid = admin.get("/v3/service_brokers?names=" + name).body().path("resources").get(0)
                .path("guid").asText();
        JsonNode small = admin.get("/v3/service_plans?service_broker_guids=" + brokerGuid + "&names=small").body()
                .path("resources").get(0);
        String smallGuid = small.path("guid").asText();
        assertThat(admin.patch("/v3/service_plans/" + smallGuid + "/visibility", obj("type", "public")).status())
                .isEqualTo(200);
        String offeringName = admin.get("/v3/service_offerings?service_broker_guids=" + brokerGuid + "&names="
                + broker.catalogId("db").replace("-db-id", "-db")).body().path("resources").get(0).path("name")
                .asText();
        ApiResponse created = admin.post("/v3/service_instances", obj("type", "managed", "name", Tck.unique("db"),
                "relationships", obj("space", rel(tck.actors().spaceGuid()), "service_plan", rel(smallGuid))));
        assertThat(admin.awaitJob(created).path("state").asText()).isEqualTo("COMPLETE");
        String instance = admin.get("/v3/service_instances?service_plan_guids=" + smallGuid).body()
                .path("resources").get(0).path("guid").asText();

        broker.catalogOverride(200, "{\"services\":[{\"id\":\"" + broker.catalogId("db") + "\",\"name\":\""
                + offeringName + "\",\"description\":\"d\",\"bindable\":true,\"plans\":[{\"id\":\""
                + broker.catalogId("db/large") + "\",\"name\":\"large\",\"description\":\"l\",\"free\":false}]}]}");
        ApiResponse updated = admin.patch("/v3/service_brokers/" + brokerGuid, obj("name", name + "-2"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(202);
        JsonNode job = admin.awaitJob(updated);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(job.path("warnings").size()).isOne();
        assertThat(job.path("warnings").get(0).path("detail").asText()).isEqualTo("Warning: Service plans are "
                + "missing from the broker's catalog (" + broker.url() + "/v2/catalog) but can not be removed from "
                + "Cloud Foundry while instances exist. The plans have been deactivated to prevent users from "
                + "attempting to provision new instances of these plans. The broker should continue to support bind, "
                + "unbind, and delete for existing instances; if these operations fail contact your broker provider."
                + "\n\nService Offering: " + offeringName + "\nPlans deactivated: small\n");
        assertThat(admin.get("/v3/service_plans/" + smallGuid).body().path("available").asBoolean()).isFalse();

        broker.catalogOverride(null, null);
        assertThat(admin.delete("/v3/service_instances/" + instance + "?purge=true").status()).isEqualTo(204);
        assertThat(admin.awaitJob(admin.delete("/v3/service_brokers/" + brokerGuid)).path("state").asText())
                .isEqualTo("COMPLETE");
    }
}
