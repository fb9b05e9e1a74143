package dev.capi.tck.processes;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance of {@code /v3/processes} and {@code /v3/apps/:guid/processes}. */
@Checks({
        "DELETE /v3/apps/:guid/processes/:type/instances/:index",
        "DELETE /v3/processes/:guid/instances/:index",
        "GET /v3/apps/:guid/processes",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/apps/:guid/processes/:type/stats",
        "GET /v3/processes",
        "GET /v3/processes/:guid",
        "GET /v3/processes/:guid/stats",
        "PATCH /v3/processes/:guid",
        "POST /v3/apps",
        "POST /v3/apps/:guid/processes/:type/actions/scale",
        "POST /v3/processes/:guid/actions/scale"})
class ProcessesTest {
    static Tck tck;
    static Cf admin;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
    }

    static String newApp() {
        ApiResponse r = admin.post("/v3/apps", obj("name", Tck.unique("app"), "relationships",
                obj("space", rel(actors.spaceGuid()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("guid").asText();
    }

    @Test
    void showsTheReferenceShapeAndRedactsTheCommandForNonDevelopers() {
        String app = newApp();
        JsonNode p = admin.get("/v3/processes/" + app).body();
        assertThat(p.path("type").asText()).isEqualTo("web");
        assertThat(p.path("user").asText()).isEqualTo("vcap");
        assertThat(p.path("memory_in_mb").asInt()).isEqualTo(1024);
        assertThat(p.path("log_rate_limit_in_bytes_per_second").asLong()).isEqualTo(1048576);
        assertThat(p.path("health_check").path("data").has("timeout")).isTrue();
        assertThat(p.path("relationships").path("app").path("data").path("guid").asText()).isEqualTo(app);
        assertThat(p.path("links").path("scale").path("method").asText()).isEqualTo("POST");
        assertThat(actors.as(SPACE_AUDITOR).get("/v3/processes/" + app).body().path("command").asText())
                .isEqualTo("[PRIVATE DATA HIDDEN]");
        assertThat(admin.get("/v3/processes?app_guids=" + app).body().path("resources").path(0).path("command")
                .asText()).isEqualTo("[PRIVATE DATA HIDDEN IN LISTS]");
        actors.check(Expect.byDefault(200).and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.get("/v3/apps/" + app + "/processes/web"));
        ApiResponse missing = admin.get("/v3/apps/" + app + "/processes/worker");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorDetail()).isEqualTo("Process not found");
        JsonNode embedded = admin.get("/v3/apps/" + app + "/processes?embed=process_instances").body();
        assertThat(embedded.path("resources").path(0).path("process_instances").isArray()).isTrue();
    }

    @Test
    @Checks({"PATCH /v3/apps/:guid/processes/:type"})
    void updateByTypeChangesTheAppsProcessAndFollowsTheMatrix() {
        String app = newApp();
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch("/v3/apps/" + app + "/processes/web", obj("command", "run.sh")));
        ApiResponse r = admin.patch("/v3/apps/" + app + "/processes/web",
                obj("metadata", obj("labels", obj("tier", "web"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("guid").asText()).isEqualTo(app);
        assertThat(r.body().path("command").asText()).isEqualTo("run.sh");
        assertThat(admin.get("/v3/processes/" + app).body().path("metadata").path("labels").path("tier").asText())
                .isEqualTo("web");
        ApiResponse unknown = admin.patch("/v3/apps/" + app + "/processes/worker", obj("command", "x"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.errorTitle()).isEqualTo("CF-ResourceNotFound");
        ApiResponse bad = admin.patch("/v3/apps/" + app + "/processes/web", obj("bogus", 1));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
    }

    @Test
    void updateAndScaleFollowTheMatrixAndScaleAnswers202() {
        String app = newApp();
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch("/v3/processes/" + app, obj("command", "run.sh")));
        actors.check(Expect.byDefault(403).and(202, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/processes/" + app + "/actions/scale", obj("instances", 2)));
        String version = admin.get("/v3/processes/" + app).body().path("version").asText();
        ApiResponse r = admin.post("/v3/apps/" + app + "/processes/web/actions/scale",
                obj("instances", 3, "memory_in_mb", 256));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().path("instances").asInt()).isEqualTo(3);
        assertThat(r.body().path("version").asText()).isEqualTo(version);
        JsonNode updated = admin.patch("/v3/processes/" + app, obj("health_check",
                obj("type", "http", "data", obj("endpoint", "/health", "timeout", 10)))).body();
        assertThat(updated.path("health_check").path("data").path("endpoint").asText()).isEqualTo("/health");
        assertThat(updated.path("command").asText()).isEqualTo("run.sh");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "{\"instances\": -1}|Instances must be greater than or equal to 0",
            "{\"memory_in_mb\": 0}|Memory in mb must be greater than 0",
            "{\"instances\": \"x\"}|Instances is not a number",
            "{\"disk_in_mb\": 1.5}|Disk in mb must be an integer",
            "{\"foo\": 1}|Unknown field(s): 'foo'"})
    void badScalesChangeNothing(String body, String detail) {
        String app = newApp();
        ApiResponse r = admin.send("POST", "/v3/processes/" + app + "/actions/scale", body, "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.errorDetail()).isEqualTo(detail);
        JsonNode p = admin.get("/v3/processes/" + app).body();
        assertThat(p.path("instances").asInt()).isEqualTo(1);
        assertThat(p.path("memory_in_mb").asInt()).isEqualTo(1024);
    }

    @Test
    void badUpdatesChangeNothing() {
        String app = newApp();
        ApiResponse r = admin.patch("/v3/processes/" + app, obj("health_check", obj("type", "tcp"), "user", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorDetail()).isEqualTo(
                "User must be between 1 and 255 characters, Health check type must be \"port\", \"process\", or \"http\"");
        assertThat(admin.get("/v3/processes/" + app).body().path("health_check").path("type").asText())
                .isEqualTo("port");
    }

    @Test
    void statsTerminateAndInstancesOfAStoppedProcess() {
        String app = newApp();
        JsonNode stats = admin.get("/v3/processes/" + app + "/stats").body();
        assertThat(stats.path("resources").size()).isZero();
        assertThat(admin.get("/v3/apps/" + app + "/processes/web/stats").status()).isEqualTo(200);
        JsonNode instances = admin.get("/v3/processes/" + app + "/process_instances").body();
        assertThat(instances.path("links").path("process").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/processes/" + app);
        ApiResponse out = admin.delete("/v3/processes/" + app + "/instances/5");
        assertThat(out.status()).isEqualTo(404);
        assertThat(out.errorDetail()).isEqualTo("Instance not found");
        assertThat(admin.delete("/v3/apps/" + app + "/processes/web/instances/0").status()).isEqualTo(204);
        assertThat(actors.as(SPACE_AUDITOR).delete("/v3/processes/" + app + "/instances/0").status())
                .isEqualTo(403);
    }
}
