package dev.capi.tck.serviceplans;

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

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/service_plans}, {@code /v3/service_offerings} and {@code /v3/service_plans/:guid/visibility} on a
 * registered fixture broker: the marketplace rules per role and for unauthenticated callers (and the
 * {@code hide_marketplace_from_unauthenticated_users} flag), visibility changes, include and fields, metadata
 * updates, and deletes (plans in use and offerings with plans refused; purge).
 */
@Checks({"DELETE /v3/service_offerings/:guid", "GET /v3/service_brokers", "GET /v3/service_offerings", "GET /v3/service_offerings/:guid", "GET /v3/service_plans", "GET /v3/service_plans/:guid", "GET /v3/service_plans/:guid/visibility", "PATCH /v3/feature_flags/:name", "PATCH /v3/service_offerings/:guid", "PATCH /v3/service_plans/:guid", "PATCH /v3/service_plans/:guid/visibility",
        "POST /v3/service_plans/:guid/visibility", "DELETE /v3/service_plans/:guid/visibility/:organization_guid"})
class ServicePlansTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static String brokerGuid;
    static String smallPlan;
    static String largePlan;
    static String dbOffering;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        FixtureBroker broker = FixtureBroker.shared();
        String name = Tck.unique("plans-broker");
        ApiResponse r = admin.post("/v3/service_brokers", obj("name", name, "url", broker.url(), "authentication",
                obj("type", "basic", "credentials", obj("username", broker.username(), "password",
                        broker.password()))));
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        brokerGuid = admin.get("/v3/service_brokers?names=" + name).body().path("resources").path(0).path("guid")
                .asText();
        smallPlan = plan("small");
        largePlan = plan("large");
        dbOffering = admin.get("/v3/service_offerings?service_broker_guids=" + brokerGuid + "&names=tck-db").body()
                .path("resources").path(0).path("guid").asText();
        ApiResponse pub = admin.patch("/v3/service_plans/" + smallPlan + "/visibility", obj("type", "public"));
        assertThat(pub.status()).as(pub.toString()).isEqualTo(200);
    }

    static String plan(String name) {
        return admin.get("/v3/service_plans?service_broker_guids=" + brokerGuid + "&names=" + name).body()
                .path("resources").path(0).path("guid").asText();
    }

    @Test
    void GET_presentsThePlanAsTheReferenceDoes() {
        JsonNode p = admin.get("/v3/service_plans/" + smallPlan).body();
        assertThat(p.path("visibility_type").asText()).isEqualTo("public");
        assertThat(p.path("available").asBoolean()).isTrue();
        assertThat(p.path("relationships").path("service_offering").path("data").path("guid").asText())
                .isEqualTo(dbOffering);
        assertThat(p.path("schemas").path("service_instance").path("create").has("parameters")).isTrue();
        assertThat(p.path("broker_catalog").path("features").has("bindable")).isTrue();
        assertThat(p.path("links").path("visibility").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/service_plans/" + smallPlan + "/visibility");
        JsonNode o = admin.get("/v3/service_offerings/" + dbOffering).body();
        assertThat(o.path("name").asText()).isEqualTo("tck-db");
        assertThat(o.path("relationships").path("service_broker").path("data").path("guid").asText())
                .isEqualTo(brokerGuid);
        assertThat(o.path("broker_catalog").path("features").has("instances_retrievable")).isTrue();
    }

    @Test
    void theMarketplaceShowsPublicPlansToEveryoneAndAdminPlansToGlobalReaders() {
        actors.check(Expect.byDefault(200), cf -> cf.get("/v3/service_plans/" + smallPlan));
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_plans/" + largePlan));
        Cf anonymous = tck.anonymous();
        assertThat(anonymous.get("/v3/service_plans/" + smallPlan).status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/service_plans/" + largePlan).status()).isEqualTo(404);
        assertThat(anonymous.get("/v3/service_plans?service_broker_guids=" + brokerGuid).resourceValues("guid"))
                .containsExactly(smallPlan);
        assertThat(anonymous.get("/v3/service_offerings?service_broker_guids=" + brokerGuid).resourceValues("guid"))
                .containsExactly(dbOffering);
        assertThat(actors.as(ORG_USER).get("/v3/service_plans?service_broker_guids=" + brokerGuid)
                .resourceValues("guid")).containsExactly(smallPlan);
    }

    @Test
    void hidingTheMarketplaceAnswersUnauthenticatedCallers401() {
        admin.patch("/v3/feature_flags/hide_marketplace_from_unauthenticated_users", obj("enabled", true));
        try {
            ApiResponse r = tck.anonymous().get("/v3/service_plans");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorTitle()).isEqualTo("CF-NotAuthenticated");
            assertThat(tck.anonymous().get("/v3/service_offerings/" + dbOffering).status()).isEqualTo(401);
            assertThat(actors.as(ORG_USER).get("/v3/service_plans/" + smallPlan).status()).isEqualTo(200);
        } finally {
            admin.patch("/v3/feature_flags/hide_marketplace_from_unauthenticated_users", obj("enabled", false));
        }
    }

    @Test
    void organizationVisibilityIsReplacedExtendedAndRemoved() {
        String plan = plan("quick");
        String path = "/v3/service_plans/" + plan + "/visibility";
        ApiResponse set = admin.patch(path, obj("type", "organization", "organizations",
                List.of(obj("guid", actors.orgGuid()))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().path("type").asText()).isEqualTo("organization");
        assertThat(set.body().path("organizations").path(0).path("guid").asText()).isEqualTo(actors.orgGuid());
        actors.check(Expect.byDefault(200).and(404, NO_ROLE), cf -> cf.get("/v3/service_plans/" + plan));
        String other = tck.createOrg().path("guid").asText();
        ApiResponse applied = admin.post(path, obj("type", "organization", "organizations",
                List.of(obj("guid", other))));
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().has("organizations")).isFalse();
        assertThat(admin.get(path).body().path("organizations").size()).isEqualTo(2);
        assertThat(admin.delete(path + "/" + other).status()).isEqualTo(204);
        assertThat(admin.delete(path + "/" + other).status()).isEqualTo(404);
        assertThat(admin.get(path).body().path("organizations").size()).isEqualTo(1);
        actors.check(Expect.byDefault(403).and(404, NO_ROLE).and(Expect.SKIP, ADMIN),
                cf -> cf.patch(path, obj("type", "public")));
        assertThat(admin.patch(path, obj("type", "admin")).body().path("type").asText()).isEqualTo("admin");
        assertThat(actors.as(ORG_USER).get("/v3/service_plans/" + plan).status()).isEqualTo(404);
    }

    @Test
    void badVisibilityBodiesAre400AndChangeNothing() {
        String path = "/v3/service_plans/" + largePlan + "/visibility";
        ApiResponse space = admin.patch(path, obj("type", "space"));
        assertThat(space.status()).isEqualTo(400);
        assertThat(space.errorDetail()).contains("must be one of 'public', 'admin', 'organization'");
        ApiResponse blank = admin.patch(path, obj("type", "organization"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorDetail()).contains("Organizations can't be blank");
        ApiResponse unknownOrg = admin.patch(path, obj("type", "organization", "organizations",
                List.of(obj("guid", actors.orgGuid()), obj("guid", "invalid-guid"))));
        assertThat(unknownOrg.status()).isEqualTo(400);
        assertThat(unknownOrg.errorDetail()).contains("with guid: invalid-guid");
        assertThat(admin.get(path).body().path("type").asText()).isEqualTo("admin");
        assertThat(admin.delete(path + "/" + actors.orgGuid()).status()).isEqualTo(422);
        assertThat(admin.get("/v3/service_plans/does-not-exist/visibility").status()).isEqualTo(404);
    }

    @Test
    void includeAndFieldsAddRelatedResources() {
        ApiResponse r = admin.get("/v3/service_plans?service_broker_guids=" + brokerGuid
                + "&names=small&include=service_offering&fields[service_offering.service_broker]=name,guid");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("included").path("service_offerings").path(0).path("guid").asText())
                .isEqualTo(dbOffering);
        assertThat(r.body().path("included").path("service_brokers").path(0).path("guid").asText())
                .isEqualTo(brokerGuid);
        ApiResponse offering = admin.get("/v3/service_offerings/" + dbOffering + "?fields[service_broker]=name");
        assertThat(offering.body().path("included").path("service_brokers").path(0).has("guid")).isFalse();
        assertThat(offering.body().path("included").path("service_brokers").path(0).has("name")).isTrue();
        ApiResponse badInclude = admin.get("/v3/service_plans?include=space");
        assertThat(badInclude.status()).isEqualTo(400);
        ApiResponse badFields = admin.get("/v3/service_offerings?fields[service_broker]=url");
        assertThat(badFields.status()).isEqualTo(400);
        assertThat(badFields.errorDetail()).contains("valid keys for 'service_broker' are: 'guid', 'name'");
    }

    @Test
    void PATCH_updatesMetadataForAdminsOnly() {
        ApiResponse r = admin.patch("/v3/service_plans/" + smallPlan, obj("metadata",
                obj("labels", obj("size", "s"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("metadata").path("labels").path("size").asText()).isEqualTo("s");
        assertThat(admin.get("/v3/service_plans?label_selector=size=s").resourceValues("guid")).contains(smallPlan);
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN),
                cf -> cf.patch("/v3/service_plans/" + smallPlan, obj("metadata", obj("labels", obj("a", "b")))));
        ApiResponse bad = admin.patch("/v3/service_offerings/" + dbOffering, obj("name", "x"));
        assertThat(bad.status()).isEqualTo(422);
        ApiResponse ok = admin.patch("/v3/service_offerings/" + dbOffering, obj("metadata",
                obj("annotations", obj("note", "hi"))));
        assertThat(ok.body().path("metadata").path("annotations").path("note").asText()).isEqualTo("hi");
    }

    @Test
    void DELETE_refusesOfferingsWithPlansUnlessPurged() {
        String route = admin.get("/v3/service_offerings?service_broker_guids=" + brokerGuid + "&names=tck-route")
                .body().path("resources").path(0).path("guid").asText();
        ApiResponse refused = admin.delete("/v3/service_offerings/" + route);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorDetail()).isEqualTo("Please delete the service_plans associations for your services.");
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.delete("/v3/service_offerings/" + route + "?purge=true"));
        assertThat(admin.delete("/v3/service_offerings/" + route + "?purge=maybe").status()).isEqualTo(400);
        assertThat(admin.delete("/v3/service_offerings/" + route + "?purge=true").status()).isEqualTo(204);
        assertThat(admin.get("/v3/service_offerings/" + route).status()).isEqualTo(404);
        String standard = admin.get("/v3/service_plans?service_broker_guids=" + brokerGuid + "&names=standard")
                .body().path("resources").size() == 0 ? null : "present";
        assertThat(standard).isNull();
    }
}
