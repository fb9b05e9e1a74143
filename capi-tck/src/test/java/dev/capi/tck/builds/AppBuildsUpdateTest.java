package dev.capi.tck.builds;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's {@code PATCH /v3/apps/:guid/builds} ("Update Build Via App"): updates the app's most recent build as
 * {@code PATCH /v3/builds/:guid} would, with the same body, permissions and answer.
 */
@Checks({
        "GET /v3/builds",
        "GET /v3/builds/:guid",
        "PATCH /v3/apps/:guid/builds",
        "PATCH /v3/builds/:guid",
        "POST /v3/builds",
        "POST /v3/packages",
        "POST /v3/packages/:guid/upload"})
class AppBuildsUpdateTest {
    static Tck tck;
    static Cf admin;
    static Cf dev;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String app() {
        return actors.newApp("builds-app");
    }

    /** A build of a fresh package of the app, then ended (FAILED) so that the next one may start. */
    static String endedBuild(String app) {
        String pkg = dev.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        dev.upload("POST", "/v3/packages/" + pkg + "/upload",
                new Multipart().file("bits", "app.zip", Zips.of(Map.of("config.ru", "run App"))));
        ApiResponse build = dev.post("/v3/builds", obj("package", obj("guid", pkg)));
        assertThat(build.status()).as(build.toString()).isEqualTo(201);
        String guid = build.body().path("guid").asText();
        admin.patch("/v3/builds/" + guid, obj("state", "FAILED", "error", "ended by the test"));
        return guid;
    }

    @Test
    void updatesTheAppsMostRecentBuild() {
        String app = app();
        String first = endedBuild(app);
        String latest = endedBuild(app);
        ApiResponse r = dev.patch("/v3/apps/" + app + "/builds", obj("metadata", obj("labels", obj("env", "prod"),
                "annotations", obj("note", "via app"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode b = r.body();
        assertThat(b.path("guid").asText()).isEqualTo(latest);
        assertThat(b.path("metadata").path("labels").path("env").asText()).isEqualTo("prod");
        assertThat(b.path("links").path("self").path("href").asText())
                .isEqualTo(tck.baseUrl() + "/v3/builds/" + latest);
        assertThat(dev.get("/v3/builds/" + latest).body().path("metadata").path("annotations").path("note")
                .asText()).isEqualTo("via app");
        assertThat(dev.get("/v3/builds/" + first).body().path("metadata").path("labels").size()).isZero();
        assertThat(dev.get("/v3/builds?label_selector=env=prod&app_guids=" + app).resourceValues("guid"))
                .containsExactly(latest);
    }

    @Test
    void answersAsTheBuildUpdateDoes() {
        String app = app();
        String build = endedBuild(app);
        actors.check(Expect.byDefault(403).and(200, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.patch("/v3/apps/" + app + "/builds", obj("metadata", obj("labels", obj("k", "v")))));
        ApiResponse unknownKey = dev.patch("/v3/apps/" + app + "/builds", obj("bogus", 1));
        assertThat(unknownKey.status()).isEqualTo(422);
        assertThat(unknownKey.errorTitle()).isEqualTo("CF-UnprocessableEntity");
        assertThat(unknownKey.errorDetail()).isEqualTo("Unknown field(s): 'bogus'");
        assertThat(dev.patch("/v3/apps/" + app + "/builds", obj("state", "DONE")).errorDetail())
                .isEqualTo("State must be one of 'STAGED', 'FAILED'");
        assertThat(dev.send("PATCH", "/v3/apps/" + app + "/builds", "{bad", "application/json").status())
                .isEqualTo(400);
        assertThat(dev.get("/v3/builds/" + build).body().path("metadata").path("labels").path("k").asText())
                .isEqualTo("v");

        ApiResponse missingApp = dev.patch("/v3/apps/does-not-exist/builds", obj("metadata", obj()));
        assertThat(missingApp.status()).isEqualTo(404);
        assertThat(missingApp.errorDetail()).isEqualTo("App not found");
        ApiResponse noBuild = dev.patch("/v3/apps/" + app() + "/builds", obj("metadata", obj()));
        assertThat(noBuild.status()).isEqualTo(404);
        assertThat(noBuild.errorTitle()).isEqualTo("CF-ResourceNotFound");
        assertThat(noBuild.errorDetail()).isEqualTo("Build not found");
    }
}
