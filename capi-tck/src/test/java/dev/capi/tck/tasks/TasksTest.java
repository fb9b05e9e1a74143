package dev.capi.tck.tasks;

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

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Conformance of tasks: create (202), sequence ids, read with command redaction, cancel, runtime completion. */
@Checks({
        "GET /v3/app_usage_events",
        "GET /v3/apps/:guid/tasks",
        "GET /v3/audit_events",
        "GET /v3/tasks",
        "GET /v3/tasks/:guid",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "PATCH /v3/feature_flags/:name",
        "POST /internal/v4/tasks/:task_guid/completed",
        "POST /v3/apps/:guid/tasks",
        "POST /v3/droplets/:guid/upload",
        "POST /v3/tasks/:guid/actions/cancel"})
class TasksTest {
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

    /** An app with a current droplet (uploaded, as a client without a stager would). */
    static String appWithDroplet() {
        String app = actors.newApp("task-app");
        String droplet = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        dev.awaitJob(dev.upload("POST", "/v3/droplets/" + droplet + "/upload", new Multipart()
                .file("bits", "d.tgz", "tgz".getBytes(StandardCharsets.UTF_8))));
        dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", droplet)));
        return app;
    }

    @Test
    void runsTasksWithSequenceIdsAndCompletesThemOnTheRuntimesReport() {
        assumeTrue(Tck.get().playsTheRuntime(), Tck.REAL_RUNTIME);
        String app = appWithDroplet();
        ApiResponse first = dev.post("/v3/apps/" + app + "/tasks", obj("command", "rake db:migrate",
                "name", "migrate", "memory_in_mb", 256));
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        JsonNode task = first.body();
        assertThat(task.path("sequence_id").asInt()).isEqualTo(1);
        assertThat(task.path("state").asText()).isEqualTo("RUNNING");
        assertThat(task.path("name").asText()).isEqualTo("migrate");
        assertThat(task.path("command").asText()).isEqualTo("rake db:migrate");
        assertThat(task.path("memory_in_mb").asInt()).isEqualTo(256);
        assertThat(task.path("links").path("cancel").path("method").asText()).isEqualTo("POST");
        JsonNode second = dev.post("/v3/apps/" + app + "/tasks", obj("command", "echo hi")).body();
        assertThat(second.path("sequence_id").asInt()).isEqualTo(2);
        assertThat(second.path("name").asText()).matches("[0-9a-f]{8}");

        JsonNode audited = actors.as(SPACE_AUDITOR).get("/v3/tasks/" + task.path("guid").asText()).body();
        assertThat(audited.path("guid").asText()).isEqualTo(task.path("guid").asText());
        assertThat(audited.has("command")).as("no command key without secret access").isFalse();
        assertThat(dev.get("/v3/tasks/" + task.path("guid").asText()).body().path("command").asText())
                .isEqualTo("rake db:migrate");
        assertThat(dev.get("/v3/apps/" + app + "/tasks?sequence_ids=2").resourceValues("guid"))
                .containsExactly(second.path("guid").asText());
        assertThat(admin.get("/v3/tasks?app_guids=" + app + "&states=RUNNING").resourceValues("guid")).hasSize(2);
        assertThat(admin.get("/v3/audit_events?types=audit.app.task.create&target_guids=" + app).body()
                .path("resources")).hasSize(2);

        Cf internal = tck.internal();
        assumeTrue(internal != null, "no internal API configured");
        assertThat(internal.post("/internal/v4/tasks/" + task.path("guid").asText() + "/completed",
                obj("task_guid", task.path("guid").asText(), "failed", false)).status()).isEqualTo(200);
        assertThat(dev.get("/v3/tasks/" + task.path("guid").asText()).body().path("state").asText())
                .isEqualTo("SUCCEEDED");
        internal.post("/internal/v4/tasks/" + second.path("guid").asText() + "/completed",
                obj("failed", true, "failure_reason", "Exited with status 1"));
        JsonNode failed = dev.get("/v3/tasks/" + second.path("guid").asText()).body();
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("result").path("failure_reason").asText()).isEqualTo("Exited with status 1");
        assertThat(internal.post("/internal/v4/tasks/nope/completed", obj("failed", false)).status()).isEqualTo(404);
        JsonNode usage = admin.get("/v3/app_usage_events?per_page=5000").body().path("resources");
        long started = java.util.stream.StreamSupport.stream(usage.spliterator(), false)
                .filter(e -> e.path("app").path("guid").asText().equals(app)
                        && e.path("state").path("current").asText().equals("TASK_STARTED")).count();
        long stopped = java.util.stream.StreamSupport.stream(usage.spliterator(), false)
                .filter(e -> e.path("task").path("guid").asText().equals(task.path("guid").asText())
                        && e.path("state").path("current").asText().equals("TASK_STOPPED")).count();
        assertThat(started).isEqualTo(2);
        assertThat(stopped).isEqualTo(1);
        ApiResponse late = dev.post("/v3/tasks/" + task.path("guid").asText() + "/actions/cancel", null);
        assertThat(late.errorDetail()).isEqualTo("Task state is SUCCEEDED and therefore cannot be canceled");
    }

    @Test
    void showsTheCommandKeyOnlyToSecretReaders() {
        String app = appWithDroplet();
        String guid = dev.post("/v3/apps/" + app + "/tasks", obj("command", "echo secret")).body().path("guid")
                .asText();
        for (var role : actors.obtainable(ADMIN, ADMIN_READ_ONLY, SPACE_DEVELOPER)) {
            Cf cf = actors.as(role);
            if (cf != null) {
                assertThat(cf.get("/v3/tasks/" + guid).body().path("command").asText()).as(role.name())
                        .isEqualTo("echo secret");
            }
        }
        for (var role : actors.obtainable(GLOBAL_AUDITOR, ORG_MANAGER, SPACE_MANAGER, SPACE_AUDITOR,
                SPACE_SUPPORTER)) {
            Cf cf = actors.as(role);
            if (cf != null) {
                JsonNode t = cf.get("/v3/tasks/" + guid).body();
                assertThat(t.path("guid").asText()).as(role.name()).isEqualTo(guid);
                assertThat(t.has("command")).as(role + " " + t).isFalse();
            }
        }
    }

    @Test
    @Checks({"PATCH /v3/tasks/:guid"})
    void updatesMetadataOnlyAsDevelopersAndAdmins() {
        String app = appWithDroplet();
        String guid = dev.post("/v3/apps/" + app + "/tasks", obj("command", "sleep 100")).body().path("guid")
                .asText();
        ApiResponse r = dev.patch("/v3/tasks/" + guid, obj("metadata", obj("labels", obj("job", "nightly"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("metadata").path("labels").path("job").asText()).isEqualTo("nightly");
        assertThat(actors.as(SPACE_AUDITOR).patch("/v3/tasks/" + guid, obj("metadata", obj("labels",
                obj("job", "x")))).status()).isEqualTo(403);
        assertThat(actors.as(NO_ROLE).patch("/v3/tasks/" + guid, obj("metadata", obj("labels",
                obj("job", "x")))).status()).isEqualTo(404);
        assertThat(dev.patch("/v3/tasks/" + guid, obj("command", "x")).status()).isEqualTo(422);
        assertThat(dev.get("/v3/tasks/" + guid).body().path("metadata").path("labels").path("job").asText())
                .isEqualTo("nightly");
    }

    @Test
    @Checks({"PUT /v3/tasks/:guid/actions/cancel", "PUT /v3/tasks/:guid/cancel"})
    void cancelsByEveryRoute() {
        String app = appWithDroplet();
        for (String route : new String[]{"POST /actions/cancel", "PUT /actions/cancel", "PUT /cancel"}) {
            String guid = dev.post("/v3/apps/" + app + "/tasks", obj("command", "sleep 100")).body().path("guid")
                    .asText();
            String[] parts = route.split(" ");
            ApiResponse r = dev.send(parts[0], "/v3/tasks/" + guid + parts[1], null, null);
            assertThat(r.status()).as(route + " " + r).isEqualTo(202);
            assertThat(r.body().path("state").asText()).isEqualTo("CANCELING");
        }
        assertThat(admin.get("/v3/audit_events?types=audit.app.task.cancel&target_guids=" + app).body()
                .path("resources")).hasSize(3);
    }

    @Test
    void refusesWhatTheReferenceRefuses() {
        String bare = actors.newApp("no-droplet");
        assertThat(dev.post("/v3/apps/" + bare + "/tasks", obj("command", "x")).errorDetail())
                .isEqualTo("Task must have a droplet. Specify droplet or assign current droplet to app.");
        String app = appWithDroplet();
        assertThat(dev.post("/v3/apps/" + app + "/tasks", obj("name", "no-command")).status()).isEqualTo(422);
        assertThat(dev.post("/v3/apps/" + app + "/tasks", obj("command", "x", "memory_in_mb", 0)).status())
                .isEqualTo(422);
        assertThat(dev.post("/v3/apps/" + app + "/tasks", obj("command", "x", "bogus", 1)).status())
                .isEqualTo(422);
        actors.check(Expect.byDefault(403).and(202, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.post("/v3/apps/" + app + "/tasks", obj("command", "echo rbac")));
        assertThat(dev.get("/v3/tasks/nope").errorDetail()).isEqualTo("Task not found");

        admin.patch("/v3/feature_flags/task_creation", obj("enabled", false));
        try {
            ApiResponse disabled = dev.post("/v3/apps/" + app + "/tasks", obj("command", "x"));
            assertThat(disabled.status()).isEqualTo(403);
            assertThat(disabled.errorTitle()).isEqualTo("CF-FeatureDisabled");
            assertThat(admin.post("/v3/apps/" + app + "/tasks", obj("command", "x")).status()).isEqualTo(202);
        } finally {
            admin.patch("/v3/feature_flags/task_creation", obj("enabled", true));
        }
    }
}
