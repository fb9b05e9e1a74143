package dev.capi.tck.apps;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.apps.AppsTest.assertError;
import static dev.capi.tck.apps.AppsTest.newApp;
import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of app updates, deletes, actions, environment, features, permissions and the current droplet. */
@Checks({
        "DELETE /v3/apps/:guid",
        "GET /v3/apps/:guid",
        "GET /v3/apps/:guid/droplets/current",
        "GET /v3/apps/:guid/env",
        "GET /v3/apps/:guid/features",
        "GET /v3/apps/:guid/features/:name",
        "GET /v3/apps/:guid/permissions",
        "GET /v3/apps/:guid/relationships/current_droplet",
        "GET /v3/apps/:guid/ssh_enabled",
        "GET /v3/processes/:guid",
        "PATCH /v3/apps/:guid",
        "PATCH /v3/apps/:guid/features/:name",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "POST /v3/apps/:guid/actions/restart",
        "POST /v3/apps/:guid/actions/start",
        "POST /v3/apps/:guid/actions/stop"})
class AppActionsTest {
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
    void patchRenamesAndOnlyDevelopersAndAdminsMay() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch("/v3/apps/" + guid, obj("name", Tck.unique("renamed"))));
        ApiResponse bad = admin.patch("/v3/apps/" + guid, obj("name", 5, "state", "STARTED"));
        assertError(bad, 422, "CF-UnprocessableEntity", "Unknown field(s): 'state', Name must be a string");
        String before = admin.get("/v3/apps/" + guid).body().path("name").asText();
        assertThat(admin.patch("/v3/apps/" + guid, obj("lifecycle", obj("type", "docker", "data", obj())))
                .status()).isEqualTo(422);
        assertThat(admin.get("/v3/apps/" + guid).body().path("name").asText()).isEqualTo(before);
    }

    @Test
    void deleteIsAsynchronousAndRemovesTheProcesses() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.delete("/v3/apps/" + guid));
        ApiResponse r = actors.as(SPACE_DEVELOPER).delete("/v3/apps/" + guid);
        assertThat(r.status()).isEqualTo(202);
        JsonNode job = admin.awaitJob(r);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(job.path("operation").asText()).isEqualTo("app.delete");
        assertThat(admin.get("/v3/apps/" + guid).status()).isEqualTo(404);
        assertThat(admin.get("/v3/processes/" + guid).status()).isEqualTo(404);
    }

    @Test
    void startAndRestartNeedADropletStopWorksForManagers() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        assertError(admin.post("/v3/apps/" + guid + "/actions/start", null), 422, "CF-UnprocessableEntity",
                "Assign a droplet before starting this app.");
        assertError(admin.post("/v3/apps/" + guid + "/actions/restart", null), 422, "CF-UnprocessableEntity",
                "Assign a droplet before starting this app.");
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/apps/" + guid + "/actions/stop", null));
        assertThat(admin.get("/v3/apps/" + guid).body().path("state").asText()).isEqualTo("STOPPED");
    }

    @Test
    void currentDropletIsNotFoundUntilOneIsAssigned() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        assertError(admin.get("/v3/apps/" + guid + "/droplets/current"), 404, "CF-ResourceNotFound",
                "Droplet not found");
        assertError(admin.get("/v3/apps/" + guid + "/relationships/current_droplet"), 404, "CF-ResourceNotFound",
                "Droplet not found");
        assertError(admin.patch("/v3/apps/" + guid + "/relationships/current_droplet",
                obj("data", obj("guid", "nope"))), 422, "CF-UnprocessableEntity",
                "Unable to assign current droplet. Ensure the droplet exists and belongs to this app.");
        assertError(admin.patch("/v3/apps/" + guid + "/relationships/current_droplet", obj("data", null)), 422,
                "CF-UnprocessableEntity", "Current droplet cannot be removed. Replace it with a preferred droplet.");
    }

    @Test
    void envFollowsTheMatrixRedactsForSupportersAndIsAudited() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        actors.check(Expect.byDefault(403).and(200, ADMIN, ADMIN_READ_ONLY, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get("/v3/apps/" + guid + "/env"));
        JsonNode env = actors.as(SPACE_SUPPORTER).get("/v3/apps/" + guid + "/env").body();
        assertThat(env.path("system_env_json").path("redacted_message").asText()).isEqualTo("[PRIVATE DATA HIDDEN]");
        JsonNode dev = actors.as(SPACE_DEVELOPER).get("/v3/apps/" + guid + "/env").body();
        assertThat(dev.path("system_env_json").has("VCAP_SERVICES")).isTrue();
        assertThat(dev.path("application_env_json").path("VCAP_APPLICATION").path("application_id").asText())
                .isEqualTo(guid);
        assertThat(AppsTest.auditEvents("audit.app.environment.show", guid).size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Checks({"GET /v3/apps/:guid/environment_variables", "PATCH /v3/apps/:guid/environment_variables"})
    void environmentVariablesMergeAndRefuseReservedNames() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        String path = "/v3/apps/" + guid + "/environment_variables";
        ApiResponse r = actors.as(SPACE_SUPPORTER).patch(path, obj("var", obj("A", "1", "B", "2")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(admin.patch(path, "{\"var\": {\"A\": null}}").body().path("var").toString())
                .isEqualTo("{\"B\":\"2\"}");
        assertError(admin.patch(path, obj("var", obj("PORT", "1"))), 422, "CF-UnprocessableEntity",
                "Var cannot set PORT");
        assertError(admin.patch(path, obj("var", obj("VCAP_X", "1"))), 422, "CF-UnprocessableEntity",
                "Var cannot start with VCAP_");
        assertThat(actors.as(SPACE_AUDITOR).patch(path, obj("var", obj("C", "3"))).status()).isEqualTo(403);
        JsonNode vars = admin.get(path).body();
        assertThat(vars.path("var").toString()).isEqualTo("{\"B\":\"2\"}");
        assertThat(vars.path("links").path("app").path("href").asText()).isEqualTo(tck.baseUrl() + "/v3/apps/" + guid);
    }

    @Test
    void featuresSshAndPermissions() {
        String guid = newApp(actors.spaceGuid()).path("guid").asText();
        JsonNode features = admin.get("/v3/apps/" + guid + "/features").body();
        assertThat(features.path("resources").findValuesAsText("name"))
                .containsExactly("ssh", "revisions", "service-binding-k8s", "file-based-vcap-services");
        assertThat(features.path("pagination").path("total_results").asInt()).isEqualTo(4);
        assertThat(actors.as(SPACE_SUPPORTER).patch("/v3/apps/" + guid + "/features/revisions",
                obj("enabled", false)).status()).isEqualTo(200);
        assertThat(actors.as(SPACE_SUPPORTER).patch("/v3/apps/" + guid + "/features/ssh",
                obj("enabled", false)).status()).isEqualTo(403);
        assertThat(admin.patch("/v3/apps/" + guid + "/features/ssh", obj("enabled", false)).body()
                .path("enabled").asBoolean()).isFalse();
        assertThat(admin.get("/v3/apps/" + guid + "/ssh_enabled").body().path("reason").asText())
                .isEqualTo("ssh is disabled for app");
        assertThat(admin.patch("/v3/apps/" + guid + "/features/service-binding-k8s", obj("enabled", true))
                .status()).isEqualTo(200);
        assertError(admin.patch("/v3/apps/" + guid + "/features/file-based-vcap-services", obj("enabled", true)),
                422, "CF-UnprocessableEntity", "'file-based-vcap-services' and 'service-binding-k8s' features "
                        + "cannot be enabled at the same time.");
        assertError(admin.get("/v3/apps/" + guid + "/features/nope"), 404, "CF-ResourceNotFound",
                "Feature not found");
        assertThat(actors.as(SPACE_DEVELOPER).get("/v3/apps/" + guid + "/permissions").body()
                .path("read_sensitive_data").asBoolean()).isTrue();
        assertThat(actors.as(SPACE_AUDITOR).get("/v3/apps/" + guid + "/permissions").body()
                .path("read_sensitive_data").asBoolean()).isFalse();
        assertThat(actors.as(NO_ROLE).get("/v3/apps/" + guid + "/permissions").status()).isEqualTo(404);
    }
}
