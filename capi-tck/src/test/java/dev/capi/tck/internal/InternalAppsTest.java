package dev.capi.tck.internal;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The internal app rows: crash reports (audit events, no state change) and the SSH proxy's access check. */
@Checks({
        "GET /internal/apps/:guid/ssh_access/:index",
        "GET /v3/apps/:guid",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/audit_events",
        "PATCH /v3/apps/:guid/features/:name",
        "POST /internal/v4/apps/:process_guid/crashed",
        "POST /v3/apps"})
class InternalAppsTest {
    static Tck tck;
    static Cf internal;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        internal = tck.internal();
        assumeTrue(internal != null, "skipped: no internal API configured");
        actors = tck.actors();
    }

    static JsonNode app() {
        return actors.as(SPACE_DEVELOPER).post("/v3/apps", obj("name", Tck.unique("internal-app"),
                "relationships", obj("space", rel(actors.spaceGuid())))).body();
    }

    @Test
    void crashesAreRecordedAsAuditEvents() {
        String app = app().path("guid").asText();
        JsonNode web = tck.admin().get("/v3/apps/" + app + "/processes/web").body();
        String diegoGuid = web.path("guid").asText() + "-" + web.path("version").asText();
        ApiResponse r = internal.post("/internal/v4/apps/" + diegoGuid + "/crashed", obj("instance", "i-1",
                "index", 0, "reason", "CRASHED", "exit_description", "out of memory", "crash_count", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode event = tck.admin().get("/v3/audit_events?types=audit.app.process.crash&target_guids=" + app)
                .body().path("resources").path(0);
        assertThat(event.path("actor").path("guid").asText()).isEqualTo(web.path("guid").asText());
        assertThat(event.path("actor").path("type").asText()).isEqualTo("process");
        assertThat(event.path("data").path("exit_description").asText()).isEqualTo("out of memory");
        assertThat(tck.admin().get("/v3/apps/" + app).body().path("state").asText()).isEqualTo("STOPPED");
        assertThat(internal.post("/internal/v4/apps/nope/crashed", obj()).status()).isEqualTo(404);
    }

    @Test
    void sshAccessForDevelopersWhenSshIsEnabled() {
        String app = app().path("guid").asText();
        JsonNode web = tck.admin().get("/v3/apps/" + app + "/processes/web").body();
        String path = "/internal/apps/" + app + "/ssh_access/0";
        ApiResponse allowed = internal.withToken(actors.as(SPACE_DEVELOPER).token()).get(path);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body().path("process_guid").asText())
                .isEqualTo(web.path("guid").asText() + "-" + web.path("version").asText());
        assertThat(internal.withToken(actors.as(SPACE_AUDITOR).token()).get(path).status()).isEqualTo(404);
        assertThat(internal.withToken(actors.as(NO_ROLE).token()).get(path).status()).isEqualTo(404);
        assertThat(internal.get(path).status()).isEqualTo(401);
        tck.admin().patch("/v3/apps/" + app + "/features/ssh", obj("enabled", false));
        assertThat(internal.withToken(actors.as(SPACE_DEVELOPER).token()).get(path).status())
                .as("ssh disabled for the app").isEqualTo(404);
    }
}
