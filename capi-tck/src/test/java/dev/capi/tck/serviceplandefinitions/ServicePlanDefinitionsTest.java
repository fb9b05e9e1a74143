package dev.capi.tck.serviceplandefinitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans created from OSMAPI plan definitions and their definitions, over HTTP against a fixture broker that keeps
 * definitions and lists the defined plans in its catalog: create (admins; name and description must match the
 * definition's; refused for offerings without the feature, for a name already taken and when the broker refuses,
 * changing nothing), the definitions list and get (global readers), replace and delete (admins; delete refused while
 * instances use the plan), and plan delete.
 */
@Checks({"POST /v3/service_plans", "GET /v3/service_plan_definitions", "GET /v3/service_plans/:guid/definition",
        "PATCH /v3/service_plans/:guid/definition", "DELETE /v3/service_plans/:guid/definition",
        "DELETE /v3/service_plans/:guid", "GET /v3/service_plans", "GET /v3/service_plans/:guid",
        "PATCH /v3/service_plans/:guid/visibility", "DELETE /v3/service_instances/:guid"})
class ServicePlanDefinitionsTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;
    static OsmapiBroker osm;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        osm = OsmapiBroker.registered(admin);
    }

    static ObjectNode definition(String name, String description, String cpu) {
        return obj("name", name, "description", description, "properties", obj("cpu", cpu),
                "metadata", obj("tier", "custom"));
    }

    static ObjectNode createBody(String name, String offering, ObjectNode definition) {
        return obj("name", name, "description", definition.path("description").asText(), "relationships",
                obj("service_offering", rel(offering)), "definition", definition);
    }

    static String create(String prefix) {
        String name = Tck.unique(prefix);
        ApiResponse r = admin.post("/v3/service_plans", createBody(name, osm.dbOffering,
                definition(name, "A " + prefix + " plan", "4")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    /** A managed instance of the plan in the actors' space (the plan is made public first). */
    private static String instanceOf(String plan) {
        ApiResponse visible = admin.patch("/v3/service_plans/" + plan + "/visibility", obj("type", "public"));
        assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
        String name = Tck.unique("osm-si");
        ApiResponse r = admin.post("/v3/service_instances", obj("type", "managed", "name", name,
                "relationships", obj("space", rel(actors.spaceGuid()), "service_plan", rel(plan))));
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("COMPLETE");
        return admin.get("/v3/service_instances?names=" + name).body().path("resources").path(0).path("guid")
                .asText();
    }

    private static void deleteInstance(String guid) {
        ApiResponse r = admin.delete("/v3/service_instances/" + guid);
        if (r.status() == 202) {
            assertThat(admin.awaitJob(r).path("state").asText()).isEqualTo("COMPLETE");
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(204);
        }
    }

    @Test
    void POST_createsThePlanThroughTheBrokerAndItsCatalog() {
        String name = Tck.unique("gold");
        ApiResponse r = admin.post("/v3/service_plans", createBody(name, osm.dbOffering,
                definition(name, "A golden plan", "4")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String guid = r.body().path("guid").asText();
        assertThat(r.body().path("name").asText()).isEqualTo(name);
        assertThat(r.body().path("description").asText()).isEqualTo("A golden plan");
        assertThat(r.body().path("visibility_type").asText()).isEqualTo("admin");
        assertThat(r.body().path("relationships").path("service_offering").path("data").path("guid").asText())
                .isEqualTo(osm.dbOffering);
        assertThat(osm.plan(admin, name)).isEqualTo(guid);
        assertThat(osm.broker.requests()).anyMatch(l -> l.startsWith("PUT /v2/service_offerings/")
                && l.contains("/plan_definitions/"));
        JsonNode d = admin.get("/v3/service_plans/" + guid + "/definition").body();
        assertThat(d.path("guid").asText()).isEqualTo(guid);
        assertThat(d.path("definition").path("name").asText()).isEqualTo(name);
        assertThat(d.path("definition").path("plan_id").asText())
                .isEqualTo(admin.get("/v3/service_plans/" + guid).body().path("broker_catalog").path("id").asText());
        assertThat(d.path("definition").path("properties").path("cpu").asText()).isEqualTo("4");
        assertThat(d.path("definition").path("resource_version").asText()).isEqualTo("1");
        assertThat(d.path("definition").path("created_at").asText()).isNotBlank();
        assertThat(d.path("relationships").path("service_plan").path("data").path("guid").asText()).isEqualTo(guid);
        assertThat(d.path("links").path("service_plan").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/service_plans/" + guid);
    }

    @Test
    void POST_isForAdminsOnly() {
        String name = Tck.unique("nope");
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN), cf -> cf.post("/v3/service_plans",
                createBody(name, osm.dbOffering, definition(name, "d", "1"))));
        assertThat(osm.plan(admin, name)).isEmpty();
    }

    @Test
    void POST_badRequestsAre422Or400AndCreateNothing() {
        String name = Tck.unique("bad");
        ApiResponse mismatch = admin.post("/v3/service_plans", obj("name", name, "description", "d",
                "relationships", obj("service_offering", rel(osm.dbOffering)), "definition",
                definition(name + "-other", "other", "1")));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.errorDetail()).contains("Name must match the definition's name")
                .contains("Description must match the definition's description");
        ApiResponse noDefinition = admin.post("/v3/service_plans", obj("name", name, "description", "d",
                "relationships", obj("service_offering", rel(osm.dbOffering))));
        assertThat(noDefinition.status()).isEqualTo(422);
        assertThat(noDefinition.errorDetail()).contains("Definition must be an object");
        ApiResponse unknown = admin.post("/v3/service_plans", obj("name", name, "description", "d", "free", true,
                "relationships", obj("service_offering", rel(osm.dbOffering)), "definition",
                definition(name, "d", "1")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        ApiResponse unsupported = admin.post("/v3/service_plans", createBody(name, osm.routeOffering,
                definition(name, "d", "1")));
        assertThat(unsupported.status()).isEqualTo(422);
        assertThat(unsupported.errorDetail()).contains("does not support the OSMAPI plan_definitions feature");
        ApiResponse taken = admin.post("/v3/service_plans", createBody("small", osm.dbOffering,
                definition("small", "d", "1")));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.errorDetail()).contains("already has a plan named small");
        ApiResponse missingOffering = admin.post("/v3/service_plans", createBody(name, "does-not-exist",
                definition(name, "d", "1")));
        assertThat(missingOffering.status()).isEqualTo(422);
        ApiResponse refused = admin.post("/v3/service_plans", createBody(name, osm.dbOffering,
                definition(name, "d", "32")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.errorDetail()).contains("cpu must be at most 16");
        ApiResponse notJson = admin.send("POST", "/v3/service_plans", "{not json", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorTitle()).isEqualTo("CF-MessageParseError");
        assertThat(osm.plan(admin, name)).isEmpty();
        assertThat(admin.get("/v3/service_plans?service_broker_guids=" + osm.guid + "&names=" + name + "-other")
                .body().path("resources").size()).isZero();
    }

    @Test
    void GET_definitionsListEveryPlanWithItsDefinitionOrNull() {
        String plan = create("listed");
        String small = osm.plan(admin, "small");
        ApiResponse r = admin.get("/v3/service_plan_definitions?service_broker_guids=" + osm.guid);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.resourceValues("guid")).contains(plan, small);
        for (JsonNode resource : r.body().path("resources")) {
            if (resource.path("guid").asText().equals(small)) {
                assertThat(resource.path("definition").isNull()).isTrue();
            }
            if (resource.path("guid").asText().equals(plan)) {
                assertThat(resource.path("definition").path("metadata").path("tier").asText()).isEqualTo("custom");
            }
        }
        assertThat(admin.get("/v3/service_plan_definitions?names=small&service_offering_guids=" + osm.dbOffering)
                .resourceValues("guid")).containsExactly(small);
        admin.patch("/v3/service_plans/" + plan, obj("metadata", obj("labels", obj("osm-listed", "yes"))));
        assertThat(admin.get("/v3/service_plan_definitions?label_selector=osm-listed=yes").resourceValues("guid"))
                .containsExactly(plan);
        ApiResponse page = admin.get("/v3/service_plan_definitions?per_page=1&service_broker_guids=" + osm.guid);
        assertThat(page.body().path("resources").size()).isEqualTo(1);
        assertThat(page.body().path("pagination").path("total_results").asInt()).isGreaterThanOrEqualTo(4);
        actors.check(Expect.byDefault(403).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_plan_definitions?service_broker_guids=" + osm.guid));
        assertThat(admin.get("/v3/service_plan_definitions?space_guids=x").status()).isEqualTo(400);
        assertThat(admin.get("/v3/service_plan_definitions?created_ats[gt]=yesterday").status()).isEqualTo(400);
    }

    @Test
    void GET_oneDefinitionIsForGlobalReaders() {
        String plan = create("read");
        actors.check(Expect.byDefault(404).and(200, ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR),
                cf -> cf.get("/v3/service_plans/" + plan + "/definition"));
        ApiResponse none = admin.get("/v3/service_plans/" + osm.plan(admin, "small") + "/definition");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().path("definition").isNull()).isTrue();
        assertThat(admin.get("/v3/service_plans/does-not-exist/definition").status()).isEqualTo(404);
    }

    @Test
    void PATCH_replacesTheWholeDefinitionAndSyncsThePlan() {
        String plan = create("patched");
        String name = admin.get("/v3/service_plans/" + plan).body().path("name").asText();
        ApiResponse r = admin.patch("/v3/service_plans/" + plan + "/definition", obj("definition",
                obj("name", name, "description", "Now bigger", "properties", obj("cpu", "8"),
                        "resource_version", "99")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("definition").path("properties").path("cpu").asText()).isEqualTo("8");
        assertThat(r.body().path("definition").has("metadata")).isFalse();
        assertThat(r.body().path("definition").path("resource_version").asText()).isEqualTo("2");
        assertThat(admin.get("/v3/service_plans/" + plan).body().path("description").asText()).isEqualTo("Now bigger");
        assertThat(admin.get("/v3/service_plans/" + plan + "/definition").body().path("definition")
                .path("description").asText()).isEqualTo("Now bigger");
    }

    @Test
    void PATCH_isForAdminsAndBadBodiesChangeNothing() {
        String plan = create("guarded");
        String path = "/v3/service_plans/" + plan + "/definition";
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.patch(path, obj("definition", definition("x", "x", "1"))));
        ApiResponse notObject = admin.patch(path, obj("definition", "big"));
        assertThat(notObject.status()).isEqualTo(422);
        assertThat(notObject.errorDetail()).contains("Definition must be an object");
        ApiResponse badName = admin.patch(path, obj("definition", obj("name", 5, "description", "d", "size", 1)));
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.errorDetail()).contains("Definition name must be a string")
                .contains("unknown field(s): 'size'");
        ApiResponse otherPlanId = admin.patch(path, obj("definition", obj("plan_id", "someone-else", "name", "x",
                "description", "x")));
        assertThat(otherPlanId.status()).isEqualTo(422);
        assertThat(otherPlanId.errorDetail()).contains("must be the service plan's broker catalog id");
        ApiResponse refused = admin.patch(path, obj("definition", definition("x", "x", "64")));
        assertThat(refused.status()).isEqualTo(502);
        ApiResponse unsupported = admin.patch("/v3/service_plans/" + osm.plan(admin, "standard") + "/definition",
                obj("definition", definition("standard", "s", "1")));
        assertThat(unsupported.status()).isEqualTo(422);
        JsonNode kept = admin.get(path).body().path("definition");
        assertThat(kept.path("properties").path("cpu").asText()).isEqualTo("4");
        assertThat(kept.path("resource_version").asText()).isEqualTo("1");
        assertThat(admin.patch("/v3/service_plans/does-not-exist/definition",
                obj("definition", definition("x", "x", "1"))).status()).isEqualTo(404);
    }

    @Test
    void DELETE_definitionIsRefusedWhileInstancesUseThePlanThenRemovesThePlan() {
        String plan = create("doomed");
        String path = "/v3/service_plans/" + plan + "/definition";
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.delete(path));
        String instance = instanceOf(plan);
        ApiResponse inUse = admin.delete(path);
        assertThat(inUse.status()).isEqualTo(422);
        assertThat(inUse.errorDetail()).isEqualTo(
                "Please delete the service_instances associations for your service_plans.");
        assertThat(admin.get(path).body().path("definition").isObject()).isTrue();
        deleteInstance(instance);
        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get("/v3/service_plans/" + plan).status()).isEqualTo(404);
        assertThat(admin.get(path).status()).isEqualTo(404);
        assertThat(osm.broker.requests()).anyMatch(l -> l.startsWith("DELETE /v2/service_offerings/"));
    }

    @Test
    void DELETE_planIsForAdminsAndRefusedWhileInstancesUseIt() {
        String plan = create("removed");
        actors.check(Expect.byDefault(404).and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR).and(Expect.SKIP, ADMIN),
                cf -> cf.delete("/v3/service_plans/" + plan));
        String instance = instanceOf(plan);
        ApiResponse inUse = admin.delete("/v3/service_plans/" + plan);
        assertThat(inUse.status()).isEqualTo(422);
        assertThat(inUse.errorDetail()).isEqualTo(
                "Please delete the service_instances associations for your service_plans.");
        assertThat(admin.get("/v3/service_plans/" + plan).status()).isEqualTo(200);
        deleteInstance(instance);
        assertThat(admin.delete("/v3/service_plans/" + plan).status()).isEqualTo(204);
        assertThat(admin.get("/v3/service_plans/" + plan).status()).isEqualTo(404);
        assertThat(admin.get("/v3/service_plans/" + plan + "/definition").status()).isEqualTo(404);
        assertThat(admin.delete("/v3/service_plans/" + plan).status()).isEqualTo(404);
        assertThat(List.of(plan)).doesNotContainAnyElementsOf(
                admin.get("/v3/service_plan_definitions?service_broker_guids=" + osm.guid).resourceValues("guid"));
    }
}
