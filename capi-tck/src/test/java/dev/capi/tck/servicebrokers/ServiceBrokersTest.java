package dev.capi.tck.servicebrokers;

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

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/service_brokers} against a real OSBAPI broker (the fixture): registration as a
 * {@code service_broker.catalog.synchronize} job that syncs the catalog, update and delete as jobs, space-scoped
 * brokers, the role matrix, bad bodies (422, nothing registered), and credentials never presented.
 */
@Checks({"GET /v3/service_brokers", "GET /v3/service_brokers/:guid", "GET /v3/service_offerings", "GET /v3/service_plans", "PATCH /v3/service_brokers/:guid"})
class ServiceBrokersTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static FixtureBroker broker;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        broker = FixtureBroker.shared();
    }

    static ObjectNode body(String name) {
        return obj("name", name, "url", broker.url(), "authentication", obj("type", "basic", "credentials",
                obj("username", broker.username(), "password", broker.password())));
    }

    /** Registers the fixture broker under a unique name and waits for its job; returns the broker's guid. */
    static String register(Cf cf, ObjectNode body) {
        ApiResponse r = cf.post("/v3/service_brokers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonNode job = cf.awaitJob(r);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("service_broker.catalog.synchronize");
        return cf.get("/v3/service_brokers?names=" + body.path("name").asText()).body().path("resources").path(0)
                .path("guid").asText();
    }

    @Test
    void POST_registersTheBrokerAndSyncsItsCatalog() {
        String name = Tck.unique("broker");
        String guid = register(admin, body(name));
        ApiResponse r = admin.get("/v3/service_brokers/" + guid);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(name);
        assertThat(r.body().path("url").asText()).isEqualTo(broker.url());
        assertThat(r.body().path("relationships").isEmpty()).isTrue();
        assertThat(r.body().path("links").path("service_offerings").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/service_offerings?service_broker_guids=" + guid);
        assertThat(r.raw()).doesNotContain(broker.password());
        assertThat(admin.get("/v3/service_brokers").raw()).doesNotContain(broker.password());

        ApiResponse offerings = admin.get("/v3/service_offerings?service_broker_guids=" + guid);
        assertThat(offerings.resourceValues("name")).containsExactlyInAnyOrder("tck-db", "tck-route");
        ApiResponse plans = admin.get("/v3/service_plans?service_broker_guids=" + guid + "&order_by=name");
        assertThat(plans.resourceValues("name")).contains("small", "large", "quick", "standard");
        JsonNode large = admin.get("/v3/service_plans?service_broker_guids=" + guid + "&names=large").body()
                .path("resources").path(0);
        assertThat(large.path("maintenance_info").path("version").asText()).isEqualTo("2.0.0");
        assertThat(large.path("free").asBoolean()).isFalse();
        assertThat(large.path("visibility_type").asText()).isEqualTo("admin");
        assertThat(large.path("broker_catalog").path("id").asText()).isEqualTo(broker.catalogId("db/large"));
        JsonNode quick = admin.get("/v3/service_plans?service_broker_guids=" + guid + "&names=quick").body()
                .path("resources").path(0);
        assertThat(quick.path("broker_catalog").path("maximum_polling_duration").asInt()).isEqualTo(2);
        assertThat(broker.headersOfLast("/v2/catalog")).containsKey("X-Broker-Api-Version".toLowerCase());
    }

    @Test
    void POST_refusesBadBodiesAndRegistersNothing() {
        ApiResponse noUrl = admin.post("/v3/service_brokers", obj("name", Tck.unique("b"), "authentication",
                obj("type", "basic", "credentials", obj("username", "u", "password", "p"))));
        assertThat(noUrl.status()).isEqualTo(422);
        assertThat(noUrl.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        ApiResponse badUrl = admin.post("/v3/service_brokers", obj("name", Tck.unique("b"), "url", "not a url",
                "authentication", obj("type", "basic", "credentials", obj("username", "u", "password", "p"))));
        assertThat(badUrl.status()).isEqualTo(422);
        assertThat(badUrl.errorDetail()).contains("Url 'not a url' must be a valid url");
        ApiResponse unknown = admin.post("/v3/service_brokers", obj("name", Tck.unique("b"), "bogus", true));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorDetail()).contains("Unknown field(s): 'bogus'");
        ApiResponse badAuth = admin.post("/v3/service_brokers", obj("name", Tck.unique("b"), "url", broker.url(),
                "authentication", obj("type", "digest", "credentials", obj("username", "u"))));
        assertThat(badAuth.status()).isEqualTo(422);
        assertThat(admin.get("/v3/service_brokers?names=" + "b").body().path("resources").size()).isZero();

        String name = Tck.unique("dup");
        register(admin, body(name));
        ApiResponse taken = admin.post("/v3/service_brokers", body(name));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.errorDetail()).isEqualTo("Name must be unique");
    }

    @Test
    void POST_globalBrokersAreForAdminsOnly() {
        actors.check(Expect.byDefault(403).and(202, ADMIN),
                cf -> cf.post("/v3/service_brokers", body(Tck.unique("matrix"))));
    }

    @Test
    void GET_globalBrokersAreSeenByGlobalReadersOnly() {
        String guid = register(admin, body(Tck.unique("seen")));
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_brokers/" + guid));
        assertThat(actors.as(SPACE_DEVELOPER).get("/v3/service_brokers").resourceValues("guid")).doesNotContain(guid);
        ApiResponse missing = admin.get("/v3/service_brokers/does-not-exist");
        assertThat(missing.errorDetail()).isEqualTo("Service broker not found");
    }

    @Test
    void spaceScopedBrokersAreRegisteredAndSeenInTheirSpace() {
        Cf developer = actors.as(SPACE_DEVELOPER);
        var body = body(Tck.unique("space-broker"));
        body.set("relationships", obj("space", obj("data", obj("guid", actors.spaceGuid()))));
        String guid = register(developer, body);
        JsonNode presented = developer.get("/v3/service_brokers/" + guid).body();
        assertThat(presented.path("relationships").path("space").path("data").path("guid").asText())
                .isEqualTo(actors.spaceGuid());
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, SPACE_DEVELOPER,
                SPACE_SUPPORTER), cf -> cf.get("/v3/service_brokers/" + guid));
        assertThat(developer.get("/v3/service_brokers").resourceValues("guid")).contains(guid);
        JsonNode plan = developer.get("/v3/service_plans?service_broker_guids=" + guid + "&names=small").body()
                .path("resources").path(0);
        assertThat(plan.path("visibility_type").asText()).isEqualTo("space");
        assertThat(actors.as(ORG_USER).get("/v3/service_plans?service_broker_guids=" + guid).body()
                .path("resources").size()).isZero();
        ApiResponse auditorDelete = actors.as(SPACE_AUDITOR).delete("/v3/service_brokers/" + guid);
        assertThat(auditorDelete.status()).isEqualTo(403);
        JsonNode job = developer.awaitJob(developer.delete("/v3/service_brokers/" + guid));
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void PATCH_renamesThroughAJobAndUpdatesMetadataAtOnce() {
        String guid = register(admin, body(Tck.unique("patch")));
        ApiResponse metadataOnly = admin.patch("/v3/service_brokers/" + guid,
                obj("metadata", obj("labels", obj("tier", "gold"))));
        assertThat(metadataOnly.status()).isEqualTo(200);
        assertThat(metadataOnly.body().path("metadata").path("labels").path("tier").asText()).isEqualTo("gold");
        String renamed = Tck.unique("renamed");
        ApiResponse rename = admin.patch("/v3/service_brokers/" + guid, obj("name", renamed));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(202);
        JsonNode job = admin.awaitJob(rename);
        assertThat(job.path("operation").asText()).isEqualTo("service_broker.update");
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/service_brokers/" + guid).body().path("name").asText()).isEqualTo(renamed);
        ApiResponse empty = admin.patch("/v3/service_brokers/" + guid, obj("name", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.errorDetail()).isEqualTo("Name must not be empty string");
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.patch("/v3/service_brokers/" + guid, obj("name", "x")));
    }

    @Test
    void DELETE_removesTheBrokerAndItsCatalog() {
        String guid = register(admin, body(Tck.unique("gone")));
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.delete("/v3/service_brokers/" + guid));
        ApiResponse r = admin.delete("/v3/service_brokers/" + guid);
        assertThat(r.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("operation").asText()).isEqualTo("service_broker.delete");
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(admin.get("/v3/service_brokers/" + guid).status()).isEqualTo(404);
        assertThat(admin.get("/v3/service_offerings?service_broker_guids=" + guid).body().path("resources").size())
                .isZero();
    }
}
