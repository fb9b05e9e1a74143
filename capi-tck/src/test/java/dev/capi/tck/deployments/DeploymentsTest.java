package dev.capi.tck.deployments;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Conformance of deployments (rolling, canary, cancel) and the revisions they write. */
@Checks({
        "GET /v3/apps/:guid/droplets/current",
        "GET /v3/apps/:guid/processes",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/apps/:guid/revisions",
        "GET /v3/apps/:guid/revisions/deployed",
        "GET /v3/audit_events",
        "GET /v3/deployments",
        "GET /v3/deployments/:guid",
        "GET /v3/processes/:guid",
        "GET /v3/processes/:guid/stats",
        "GET /v3/revisions/:guid",
        "GET /v3/revisions/:guid/environment_variables",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "POST /v3/apps/:guid/actions/start",
        "POST /v3/deployments",
        "POST /v3/deployments/:guid/actions/cancel",
        "POST /v3/deployments/:guid/actions/continue",
        "POST /v3/droplets/:guid/upload",
        "POST /v3/processes/:guid/actions/scale"})
class DeploymentsTest {
    static Tck tck;
    static Cf dev;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
    }

    static String droplet(String app) {
        String guid = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)), "process_types",
                obj("web", "./serve"))).body().path("guid").asText();
        dev.awaitJob(dev.upload("POST", "/v3/droplets/" + guid + "/upload", new Multipart()
                .file("bits", "d.tgz", guid.getBytes(StandardCharsets.UTF_8))));
        return guid;
    }

    /** A started app running {@code instances} web instances of a first droplet. */
    static String runningApp(int instances) {
        String app = actors.newApp("deploy-app");
        dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", droplet(app))));
        dev.post("/v3/apps/" + app + "/actions/start", null);
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        dev.post("/v3/processes/" + web + "/actions/scale", obj("instances", instances));
        return app;
    }

    static JsonNode await(String deployment, String reason) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode d = null;
        while (System.nanoTime() < deadline) {
            d = dev.get("/v3/deployments/" + deployment).body();
            if (reason.equals(d.path("status").path("reason").asText())) {
                return d;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("deployment did not reach " + reason + ": " + d);
    }

    @Test
    void aRollingDeploymentReplacesTheWebProcessAndWritesARevision() {
        assumeTrue(tck.playsTheRuntime(), Tck.REAL_RUNTIME);
        String app = runningApp(3);
        String next = droplet(app);
        ApiResponse created = dev.post("/v3/deployments", obj("droplet", obj("guid", next), "options",
                obj("max_in_flight", 2), "relationships", obj("app", rel(app))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.body();
        assertThat(d.path("strategy").asText()).isEqualTo("rolling");
        assertThat(d.path("options").path("max_in_flight").asInt()).isEqualTo(2);
        assertThat(d.path("droplet").path("guid").asText()).isEqualTo(next);
        String newProcess = d.path("new_processes").path(0).path("guid").asText();

        JsonNode done = await(d.path("guid").asText(), "DEPLOYED");
        assertThat(done.path("status").path("value").asText()).isEqualTo("FINALIZED");
        assertThat(dev.get("/v3/apps/" + app + "/processes").resourceValues("guid")).containsExactly(newProcess);
        JsonNode web = dev.get("/v3/processes/" + newProcess).body();
        assertThat(web.path("instances").asInt()).isEqualTo(3);
        assertThat(dev.get("/v3/processes/" + newProcess + "/stats").body().path("resources")).hasSize(3);
        assertThat(dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText()).isEqualTo(next);

        String revision = d.path("revision").path("guid").asText();
        JsonNode rev = dev.get("/v3/revisions/" + revision).body();
        assertThat(rev.path("version").asInt()).as("the start wrote revision 1").isEqualTo(2);
        assertThat(rev.path("description").asText()).isEqualTo("New droplet deployed.");
        assertThat(rev.path("droplet").path("guid").asText()).isEqualTo(next);
        assertThat(dev.get("/v3/apps/" + app + "/revisions?versions=1").body().path("resources").path(0)
                .path("description").asText()).isEqualTo("Initial revision.");
        assertThat(dev.get("/v3/apps/" + app + "/revisions").resourceValues("guid")).hasSize(2).contains(revision);
        assertThat(dev.get("/v3/processes/" + newProcess).body().path("relationships").path("revision")
                .path("data").path("guid").asText()).isEqualTo(revision);
        assertThat(dev.get("/v3/apps/" + app + "/revisions/deployed").resourceValues("guid"))
                .containsExactly(revision);
        assertThat(dev.get("/v3/revisions/" + revision + "/environment_variables").body().path("var").isObject())
                .isTrue();
        assertThat(actors.as(SPACE_AUDITOR).get("/v3/revisions/" + revision + "/environment_variables").status())
                .isEqualTo(403);

        String third = droplet(app);
        JsonNode second = dev.post("/v3/deployments", obj("droplet", obj("guid", third), "relationships",
                obj("app", rel(app)))).body();
        await(second.path("guid").asText(), "DEPLOYED");
        JsonNode rev2 = dev.get("/v3/revisions/" + second.path("revision").path("guid").asText()).body();
        assertThat(rev2.path("version").asInt()).isEqualTo(3);
        assertThat(rev2.path("description").asText()).isEqualTo("New droplet deployed.");
        assertThat(tck.admin().get("/v3/audit_events?types=audit.app.deployment.create&target_guids=" + app)
                .body().path("resources")).hasSize(2);
    }

    static java.time.Instant healthcheck(JsonNode deployment) {
        JsonNode at = deployment.path("status").path("details").path("last_successful_healthcheck");
        assertThat(at.isTextual()).as("last_successful_healthcheck of " + deployment).isTrue();
        return java.time.Instant.parse(at.asText());
    }

    @Test
    void theLastSuccessfulHealthcheckIsSetAtCreationAndMovesOnWithHealthySteps() {
        assumeTrue(tck.playsTheRuntime(), Tck.REAL_RUNTIME);
        String app = runningApp(2);
        JsonNode created = dev.post("/v3/deployments", obj("droplet", obj("guid", droplet(app)), "relationships",
                obj("app", rel(app)))).body();
        java.time.Instant first = healthcheck(created);
        assertThat(first).isAfterOrEqualTo(java.time.Instant.parse(created.path("created_at").asText()));
        String guid = created.path("guid").asText();
        assertThat(healthcheck(dev.get("/v3/deployments/" + guid).body())).isEqualTo(first);
        assertThat(dev.get("/v3/deployments?app_guids=" + app).body().path("resources").path(0).path("status")
                .path("details").path("last_successful_healthcheck").isTextual()).isTrue();
        assertThat(healthcheck(await(guid, "DEPLOYED"))).isAfterOrEqualTo(first);
    }

    @Test
    void aCanaryPausesUntilContinuedAndACancelRestoresThePreviousDroplet() {
        assumeTrue(tck.playsTheRuntime(), Tck.REAL_RUNTIME);
        String app = runningApp(3);
        String first = dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText();
        String next = droplet(app);
        JsonNode canary = dev.post("/v3/deployments", obj("droplet", obj("guid", next), "strategy", "canary",
                "relationships", obj("app", rel(app)))).body();
        String guid = canary.path("guid").asText();
        assertThat(canary.path("state").asText()).as("a canary starts its first instance").isIn("PREPAUSED",
                "PAUSED");
        JsonNode paused = await(guid, "PAUSED");
        assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("status").path("value").asText()).isEqualTo("ACTIVE");
        assertThat(paused.path("links").path("continue").path("method").asText()).isEqualTo("POST");
        assertThat(dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", first)))
                .status()).as("no droplet change during a deployment").isEqualTo(422);
        assertThat(dev.post("/v3/deployments/" + guid + "/actions/continue", null).status()).isEqualTo(200);
        await(guid, "DEPLOYED");
        assertThat(dev.post("/v3/deployments/" + guid + "/actions/continue", null).status()).isEqualTo(422);

        String another = droplet(app);
        JsonNode toCancel = dev.post("/v3/deployments", obj("droplet", obj("guid", another), "strategy", "canary",
                "relationships", obj("app", rel(app)))).body();
        await(toCancel.path("guid").asText(), "PAUSED");
        assertThat(dev.post("/v3/deployments/" + toCancel.path("guid").asText() + "/actions/cancel", null)
                .status()).isEqualTo(200);
        JsonNode canceled = dev.get("/v3/deployments/" + toCancel.path("guid").asText()).body();
        assertThat(canceled.path("status").path("reason").asText()).isEqualTo("CANCELED");
        assertThat(canceled.path("status").path("value").asText()).isEqualTo("FINALIZED");
        assertThat(dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText()).isEqualTo(next);
        assertThat(dev.get("/v3/apps/" + app + "/processes").body().path("resources")).hasSize(1);
    }

    @Test
    void refusesWhatTheReferenceRefuses() {
        String app = actors.newApp("no-droplet");
        assertThat(dev.post("/v3/deployments", obj("relationships", obj("app", rel(app)))).errorDetail())
                .isEqualTo("Invalid droplet. Please specify a droplet in the request or set a current droplet for "
                        + "the app.");
        assertThat(dev.post("/v3/deployments", obj("strategy", "blue-green", "relationships",
                obj("app", rel(app)))).errorDetail()).isEqualTo("Strategy 'blue-green' is not a supported deployment strategy");
        String running = runningApp(1);
        actors.check(Expect.byDefault(422).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(403, ADMIN_READ_ONLY, GLOBAL_AUDITOR, SPACE_MANAGER, SPACE_AUDITOR, SPACE_SUPPORTER,
                                ORG_MANAGER),
                cf -> cf.post("/v3/deployments", obj("relationships", obj("app", rel(running)))));
        assertThat(dev.get("/v3/deployments/nope").errorDetail()).isEqualTo("Deployment not found");
    }

    @Test
    void canaryStepsPauseAtEachWeight() {
        assumeTrue(tck.playsTheRuntime(), Tck.REAL_RUNTIME);
        String app = runningApp(4);
        String next = droplet(app);
        ApiResponse created = dev.post("/v3/deployments", obj("droplet", obj("guid", next), "strategy", "canary",
                "options", obj("canary", obj("steps", java.util.List.of(obj("instance_weight", 25),
                        obj("instance_weight", 50))), "max_in_flight", 2), "relationships", obj("app", rel(app))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String guid = created.body().path("guid").asText();
        assertThat(created.body().path("options").path("canary").path("steps").get(1).path("instance_weight")
                .asInt()).isEqualTo(50);
        JsonNode first = await(guid, "PAUSED");
        assertThat(first.path("status").path("canary").path("steps").path("current").asInt()).isEqualTo(1);
        assertThat(first.path("status").path("canary").path("steps").path("total").asInt()).isEqualTo(2);
        String fresh = first.path("new_processes").path(0).path("guid").asText();
        assertThat(dev.get("/v3/processes/" + fresh).body().path("instances").asInt()).isEqualTo(1);
        dev.post("/v3/deployments/" + guid + "/actions/continue", null);
        JsonNode second = awaitStep(guid, 2);
        assertThat(dev.get("/v3/processes/" + fresh).body().path("instances").asInt()).isEqualTo(2);
        assertThat(second.path("state").asText()).isIn("PREPAUSED", "PAUSED");
        await(guid, "PAUSED");
        dev.post("/v3/deployments/" + guid + "/actions/continue", null);
        await(guid, "DEPLOYED");
        assertThat(dev.get("/v3/processes/" + fresh).body().path("instances").asInt()).isEqualTo(4);

        var unsorted = obj("steps", java.util.List.of(obj("instance_weight", 50), obj("instance_weight", 20)));
        assertThat(dev.post("/v3/deployments", obj("strategy", "canary", "options", obj("canary", unsorted),
                "relationships", obj("app", rel(app)))).errorDetail()).contains("must be sorted in ascending order");
        assertThat(dev.post("/v3/deployments", obj("options", obj("canary", obj("steps", java.util.List.of())),
                "relationships", obj("app", rel(app)))).errorDetail())
                .contains("Options canary are only valid for Canary deployments");
    }

    static JsonNode awaitStep(String deployment, int step) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode d = null;
        while (System.nanoTime() < deadline) {
            d = dev.get("/v3/deployments/" + deployment).body();
            if (d.path("status").path("canary").path("steps").path("current").asInt() == step) {
                return d;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("deployment did not reach step " + step + ": " + d);
    }
}
