package dev.capi.tck.staging;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The push protocol over HTTP, with the TCK playing the stager on the internal API: package, upload, build,
 * droplet upload and staging callback, current droplet, start, scale, download; and uploaded droplets.
 */
@Checks({
        "DELETE /v3/apps/:guid",
        "DELETE /v3/droplets/:guid",
        "GET /internal/v4/droplets/:guid/:droplet_checksum/download",
        "GET /staging/v3/droplets/:guid/download",
        "GET /v3/apps/:guid",
        "GET /v3/apps/:guid/builds",
        "GET /v3/apps/:guid/droplets/current",
        "GET /v3/apps/:guid/processes",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/apps/:guid/revisions/deployed",
        "GET /v3/audit_events",
        "GET /v3/builds/:guid",
        "GET /v3/droplets",
        "GET /v3/droplets/:guid",
        "GET /v3/droplets/:guid/download",
        "GET /v3/packages",
        "GET /v3/packages/:guid",
        "GET /v3/processes/:guid",
        "GET /v3/processes/:guid/stats",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "POST /internal/v3/staging/:staging_guid/build_completed",
        "POST /internal/v4/droplets/:guid/upload",
        "POST /v3/apps/:guid/actions/start",
        "POST /v3/builds",
        "POST /v3/droplets/:guid/upload",
        "POST /v3/packages",
        "POST /v3/packages/:guid/upload",
        "POST /v3/processes/:guid/actions/scale"})
class StagingFlowTest {
    static Tck tck;
    static Cf admin;
    static Cf dev;
    static Cf stager;
    static Actors actors;

    @BeforeAll
    static void setUp() {
        tck = Tck.get();
        admin = tck.admin();
        actors = tck.actors();
        dev = actors.as(SPACE_DEVELOPER);
        stager = tck.playsTheRuntime() ? tck.internal() : null;
    }

    static String app() {
        return actors.newApp("push");
    }

    static String readyPackage(String app) {
        String guid = dev.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        ApiResponse uploaded = dev.upload("POST", "/v3/packages/" + guid + "/upload",
                new Multipart().file("bits", "app.zip", Zips.of(Map.of("config.ru", "run App"))));
        assertThat(uploaded.body().path("state").asText()).isEqualTo("READY");
        return guid;
    }

    /** What a stager does once staging succeeded: upload the droplet, then report the result. */
    static byte[] stage(String buildGuid, String command) throws Exception {
        byte[] droplet = ("droplet of " + buildGuid).getBytes(StandardCharsets.UTF_8);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(droplet));
        ApiResponse wrong = stager.upload("POST", "/internal/v4/droplets/" + buildGuid + "/upload",
                new Multipart().file("droplet", "droplet.tgz", droplet), Map.of("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA=="));
        assertThat(wrong.status()).as("a checksum mismatch is refused").isEqualTo(400);
        ApiResponse uploaded = stager.upload("POST", "/internal/v4/droplets/" + buildGuid + "/upload",
                new Multipart().file("droplet", "droplet.tgz", droplet), Map.of("Content-MD5", md5));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.body().path("entity").path("status").asText()).isIn("queued", "running", "finished");
        String result = obj("lifecycle_type", "buildpack", "process_types", obj("web", command),
                "execution_metadata", "", "lifecycle_metadata", obj("detected_buildpack", "ruby_buildpack",
                        "buildpacks", List.of(obj("key", "ruby", "name", "ruby_buildpack")))).toString();
        ApiResponse done = stager.post("/internal/v3/staging/" + buildGuid + "/build_completed",
                obj("task_guid", buildGuid, "failed", false, "result", result));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return droplet;
    }

    @Test
    void stagesStartsScalesAndDownloads() throws Exception {
        assumeTrue(stager != null, "no internal API configured, or " + Tck.REAL_RUNTIME);
        String app = app();
        String pkg = readyPackage(app);
        ApiResponse build = dev.post("/v3/builds", obj("package", obj("guid", pkg)));
        assertThat(build.status()).as(build.toString()).isEqualTo(201);
        String buildGuid = build.body().path("guid").asText();
        assertThat(build.body().path("state").asText()).isEqualTo("STAGING");
        assertThat(build.body().path("droplet").isNull()).isTrue();
        assertThat(build.body().path("created_by").path("guid").asText()).isEqualTo(Tck.userGuid(dev));
        assertThat(dev.post("/v3/builds", obj("package", obj("guid", pkg))).errorTitle())
                .isEqualTo("CF-StagingInProgress");

        byte[] droplet = stage(buildGuid, "bundle exec rackup");
        JsonNode staged = dev.get("/v3/builds/" + buildGuid).body();
        assertThat(staged.path("state").asText()).isEqualTo("STAGED");
        String dropletGuid = staged.path("droplet").path("guid").asText();
        JsonNode d = dev.get("/v3/droplets/" + dropletGuid).body();
        assertThat(d.path("state").asText()).isEqualTo("STAGED");
        assertThat(d.path("process_types").path("web").asText()).isEqualTo("bundle exec rackup");
        assertThat(d.path("buildpacks").path(0).path("name").asText()).isEqualTo("ruby_buildpack");
        assertThat(d.path("checksum").path("type").asText()).isEqualTo("sha256");
        JsonNode redacted = actors.as(SPACE_AUDITOR).get("/v3/droplets/" + dropletGuid).body();
        assertThat(redacted.path("process_types").has("web")).isFalse();
        assertThat(redacted.path("process_types").path("redacted_message").asText())
                .isEqualTo("[PRIVATE DATA HIDDEN]");
        assertThat(redacted.path("execution_metadata").asText()).isEqualTo("[PRIVATE DATA HIDDEN]");
        assertThat(admin.get("/v3/audit_events?types=audit.app.build.staged&target_guids=" + app).body()
                .path("resources")).hasSize(1);

        ApiResponse assigned = dev.patch("/v3/apps/" + app + "/relationships/current_droplet",
                obj("data", obj("guid", dropletGuid)));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText())
                .isEqualTo(dropletGuid);
        assertThat(dev.get("/v3/apps/" + app + "/droplets?current=true").resourceValues("guid"))
                .containsExactly(dropletGuid);
        assertThat(dev.post("/v3/apps/" + app + "/actions/start", null).body().path("state").asText())
                .isEqualTo("STARTED");
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        JsonNode deployed = dev.get("/v3/apps/" + app + "/revisions/deployed").body().path("resources");
        assertThat(deployed).hasSize(1);
        assertThat(deployed.path(0).path("description").asText()).isEqualTo("Initial revision.");
        assertThat(dev.get("/v3/processes/" + web).body().path("relationships").path("revision").path("data")
                .path("guid").asText()).isEqualTo(deployed.path(0).path("guid").asText());
        assertThat(dev.get("/v3/processes/" + web).body().path("command").asText())
                .as("the droplet's detected command").isEqualTo("bundle exec rackup");
        dev.post("/v3/processes/" + web + "/actions/scale", obj("instances", 3));
        JsonNode stats = dev.get("/v3/processes/" + web + "/stats").body().path("resources");
        assertThat(stats).hasSize(3).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("RUNNING"));

        var download = dev.download("/v3/droplets/" + dropletGuid + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(droplet);
        var cell = stager.download("/internal/v4/droplets/" + web + "/" + d.path("checksum").path("value").asText()
                + "/download");
        assertThat(cell.statusCode()).isEqualTo(200);
        assertThat(cell.body()).isEqualTo(droplet);
        assertThat(stager.download("/internal/v4/droplets/" + web + "/wrong/download").statusCode()).isEqualTo(404);
        assertThat(stager.download("/staging/v3/droplets/" + dropletGuid + "/download").body()).isEqualTo(droplet);
        assertThat(dev.get("/v3/apps/" + app + "/builds").resourceValues("guid")).containsExactly(buildGuid);
        assertThat(dev.get("/v3/packages/" + pkg + "/droplets").resourceValues("guid")).containsExactly(dropletGuid);
        assertThat(stager.post("/internal/v3/staging/" + buildGuid + "/build_completed",
                obj("failed", true, "failure_reason", "late")).status()).as("a final build stays final")
                .isEqualTo(400);
    }

    @Test
    void failedStagingFailsTheBuildWithTheReferenceError() {
        assumeTrue(stager != null, "no internal API configured, or " + Tck.REAL_RUNTIME);
        String app = app();
        String buildGuid = dev.post("/v3/builds", obj("package", obj("guid", readyPackage(app))))
                .body().path("guid").asText();
        ApiResponse done = stager.post("/internal/v3/staging/" + buildGuid + "/build_completed",
                obj("task_guid", buildGuid, "failed", true, "failure_reason", "Exited with status 222"));
        assertThat(done.status()).isEqualTo(200);
        JsonNode failed = dev.get("/v3/builds/" + buildGuid).body();
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText())
                .isEqualTo("NoAppDetectedError - An app was not successfully detected by any available buildpack");
        assertThat(stager.post("/internal/v3/staging/nope/build_completed", obj("failed", true)).status())
                .isEqualTo(404);
        JsonNode withLifecycle = dev.post("/v3/builds", obj("package", obj("guid", readyPackage(app)), "lifecycle",
                obj("type", "buildpack", "data", obj("buildpacks", List.of("go_buildpack"), "stack",
                        "cflinuxfs3")))).body();
        assertThat(withLifecycle.path("lifecycle").path("data").path("buildpacks").get(0).asText())
                .isEqualTo("go_buildpack");
        assertThat(withLifecycle.path("lifecycle").path("data").path("stack").asText()).isEqualTo("cflinuxfs3");
    }

    @Test
    void buildsNeedAReadyPackageAndADeveloper() {
        String app = app();
        String pkg = dev.post("/v3/packages", obj("type", "bits", "relationships", obj("app", rel(app)))).body()
                .path("guid").asText();
        ApiResponse notReady = dev.post("/v3/builds", obj("package", obj("guid", pkg)));
        assertThat(notReady.status()).isEqualTo(400);
        assertThat(notReady.errorDetail()).contains("Cannot stage package whose state is not ready.");
        String ready = readyPackage(app());
        actors.check(Expect.byDefault(422).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER, SPACE_SUPPORTER),
                cf -> cf.post("/v3/builds", obj("package", obj("guid", ready))));
        assertThat(dev.post("/v3/builds", obj("package", obj("guid", "nope"))).errorDetail())
                .isEqualTo("Unable to use package. Ensure that the package exists and you have access to it.");
    }

    @Test
    void uploadedDropletsBecomeStagedThroughAJobAndCanBeAssigned() {
        String app = app();
        ApiResponse created = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)),
                "process_types", obj("web", "./run")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("state").asText()).isEqualTo("AWAITING_UPLOAD");
        String guid = created.body().path("guid").asText();
        byte[] tgz = "fake tgz".getBytes(StandardCharsets.UTF_8);
        ApiResponse accepted = dev.upload("POST", "/v3/droplets/" + guid + "/upload",
                new Multipart().file("bits", "droplet.tgz", tgz));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.body().path("state").asText()).isEqualTo("PROCESSING_UPLOAD");
        assertThat(dev.awaitJob(accepted).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(dev.get("/v3/droplets/" + guid).body().path("state").asText()).isEqualTo("STAGED");
        assertThat(dev.upload("POST", "/v3/droplets/" + guid + "/upload",
                new Multipart().file("bits", "droplet.tgz", tgz)).errorDetail())
                .isEqualTo("Droplet may be uploaded only once. Create a new droplet to upload bits.");
        assertThat(dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", guid)))
                .status()).isEqualTo(200);
        assertThat(dev.download("/v3/droplets/" + guid + "/download").body()).isEqualTo(tgz);

        String copyTarget = app();
        ApiResponse copy = dev.post("/v3/droplets?source_guid=" + guid, obj("relationships",
                obj("app", rel(copyTarget))));
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        assertThat(copy.body().path("state").asText()).isEqualTo("STAGED");
        assertThat(dev.download("/v3/droplets/" + copy.body().path("guid").asText() + "/download").body())
                .isEqualTo(tgz);

        actors.check(Expect.byDefault(200).and(404, ORG_USER, ORG_BILLING_MANAGER, ORG_AUDITOR, NO_ROLE),
                cf -> cf.get("/v3/droplets/" + guid));
        assertThat(admin.get("/v3/droplets?app_guids=" + app + "&states=STAGED").resourceValues("guid"))
                .containsExactly(guid);
        ApiResponse deleted = dev.delete("/v3/droplets/" + guid);
        assertThat(deleted.status()).isEqualTo(202);
        dev.awaitJob(deleted);
        assertThat(dev.get("/v3/droplets/" + guid).status()).isEqualTo(404);
    }

    @Test
    void keepsTheNewestFiveStagedDropletsOfAnApp() {
        String app = app();
        List<String> guids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String guid = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)))).body().path("guid")
                    .asText();
            dev.awaitJob(dev.upload("POST", "/v3/droplets/" + guid + "/upload", new Multipart().file("bits",
                    "d.tgz", ("d" + i).getBytes(StandardCharsets.UTF_8))));
            guids.add(guid);
        }
        assertThat(dev.get("/v3/droplets/" + guids.get(0)).body().path("state").asText()).isEqualTo("EXPIRED");
        assertThat(dev.get("/v3/droplets/" + guids.get(5)).body().path("state").asText()).isEqualTo("STAGED");
        assertThat(dev.get("/v3/droplets?app_guids=" + app + "&states=STAGED").body().path("pagination")
                .path("total_results").asInt()).isEqualTo(5);
    }

    @Test
    void deletingAnAppDeletesItsPackagesDropletsAndTasks() {
        String app = app();
        String pkg = readyPackage(app);
        String droplet = dev.post("/v3/droplets", obj("relationships", obj("app", rel(app)))).body().path("guid")
                .asText();
        ApiResponse deletion = dev.delete("/v3/apps/" + app);
        assertThat(dev.awaitJob(deletion).path("state").asText()).isEqualTo("COMPLETE");
        assertThat(dev.get("/v3/packages/" + pkg).status()).isEqualTo(404);
        assertThat(dev.get("/v3/droplets/" + droplet).status()).isEqualTo(404);
        assertThat(admin.get("/v3/packages?app_guids=" + app).body().path("pagination").path("total_results")
                .asInt()).isZero();
    }

    @Test
    void stageAndStartMakesTheDropletCurrentAndStartsTheApp() {
        assumeTrue(stager != null, "no internal API configured, or " + Tck.REAL_RUNTIME);
        String app = app();
        String build = dev.post("/v3/builds", obj("package", obj("guid", readyPackage(app)))).body().path("guid")
                .asText();
        stager.upload("POST", "/internal/v4/droplets/" + build + "/upload", new Multipart().file("droplet",
                "droplet.tgz", "d".getBytes(StandardCharsets.UTF_8)));
        String result = obj("lifecycle_type", "buildpack", "process_types", obj("web", "./web", "worker",
                "./work")).toString();
        assertThat(stager.post("/internal/v3/staging/" + build + "/build_completed?start=true",
                obj("failed", false, "result", result)).status()).isEqualTo(200);
        JsonNode started = dev.get("/v3/apps/" + app).body();
        assertThat(started.path("state").asText()).isEqualTo("STARTED");
        String droplet = dev.get("/v3/builds/" + build).body().path("droplet").path("guid").asText();
        assertThat(dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText()).isEqualTo(droplet);
        assertThat(dev.get("/v3/apps/" + app + "/processes").resourceValues("type")).contains("web", "worker");
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        assertThat(dev.get("/v3/processes/" + web + "/stats").body().path("resources").path(0).path("state")
                .asText()).isEqualTo("RUNNING");
    }
}
