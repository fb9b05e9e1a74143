package dev.capi.tck.scenarios;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.Actors;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import dev.capi.tck.support.Zips;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.SPACE_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The app lifecycle issue tried as a new user would, the TCK acting as the stager: apply a manifest, upload a zip,
 * stage, set the droplet, start, scale to 3, run a task and see it SUCCEEDED after the completion callback, deploy
 * with a rolling deployment until DEPLOYED, download the droplet, and generate the manifest back.
 */
@Checks({
        "GET /v3/apps",
        "GET /v3/apps/:guid/droplets/current",
        "GET /v3/apps/:guid/manifest",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/builds/:guid",
        "GET /v3/deployments/:guid",
        "GET /v3/droplets/:guid/download",
        "GET /v3/processes/:guid/stats",
        "GET /v3/tasks/:guid",
        "PATCH /v3/apps/:guid/relationships/current_droplet",
        "POST /internal/v3/staging/:staging_guid/build_completed",
        "POST /internal/v4/droplets/:guid/upload",
        "POST /internal/v4/tasks/:task_guid/completed",
        "POST /v3/apps/:guid/actions/start",
        "POST /v3/apps/:guid/tasks",
        "POST /v3/builds",
        "POST /v3/deployments",
        "POST /v3/packages",
        "POST /v3/packages/:guid/upload",
        "POST /v3/processes/:guid/actions/scale",
        "POST /v3/spaces/:guid/actions/apply_manifest"})
class AppLifecycleScenarioTest {
    @Test
    void pushRunScaleTaskDeployDownloadAndGenerate() throws Exception {
        assumeTrue(Tck.get().playsTheRuntime(), Tck.REAL_RUNTIME);
        Tck tck = Tck.get();
        Cf stager = tck.internal();
        assumeTrue(stager != null, "no internal API configured: nobody can play the stager");
        Actors actors = tck.actors();
        Cf dev = actors.as(SPACE_DEVELOPER);
        String name = Tck.unique("scenario");

        ApiResponse applied = dev.send("POST", "/v3/spaces/" + actors.spaceGuid() + "/actions/apply_manifest",
                "applications:\n- name: " + name + "\n  memory: 256M\n  env:\n    STAGE: scenario\n",
                "application/x-yaml");
        assertThat(applied.status()).isEqualTo(202);
        assertThat(dev.awaitJob(applied).path("state").asText()).isEqualTo("COMPLETE");
        String app = dev.get("/v3/apps?names=" + name).body().path("resources").path(0).path("guid").asText();

        String pkg = dev.post("/v3/packages", obj("type", "bits", "relationships",
                obj("app", obj("data", obj("guid", app))))).body().path("guid").asText();
        assertThat(dev.upload("POST", "/v3/packages/" + pkg + "/upload", new Multipart().file("bits", "app.zip",
                Zips.of(Map.of("server.rb", "puts :hi")))).body().path("state").asText()).isEqualTo("READY");

        String build = stage(dev, stager, pkg, "ruby server.rb");
        String droplet = dev.get("/v3/builds/" + build).body().path("droplet").path("guid").asText();
        assertThat(dev.patch("/v3/apps/" + app + "/relationships/current_droplet",
                obj("data", obj("guid", droplet))).status()).isEqualTo(200);
        assertThat(dev.post("/v3/apps/" + app + "/actions/start", null).body().path("state").asText())
                .isEqualTo("STARTED");
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        assertThat(dev.post("/v3/processes/" + web + "/actions/scale", obj("instances", 3)).status()).isEqualTo(202);
        JsonNode stats = dev.get("/v3/processes/" + web + "/stats").body().path("resources");
        assertThat(stats).hasSize(3).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("RUNNING"));

        String task = dev.post("/v3/apps/" + app + "/tasks", obj("command", "rake db:migrate")).body()
                .path("guid").asText();
        stager.post("/internal/v4/tasks/" + task + "/completed", obj("task_guid", task, "failed", false));
        assertThat(dev.get("/v3/tasks/" + task).body().path("state").asText()).isEqualTo("SUCCEEDED");

        String nextPkg = dev.post("/v3/packages", obj("type", "bits", "relationships",
                obj("app", obj("data", obj("guid", app))))).body().path("guid").asText();
        dev.upload("POST", "/v3/packages/" + nextPkg + "/upload", new Multipart().file("bits", "app.zip",
                Zips.of(Map.of("server.rb", "puts :v2"))));
        String nextBuild = stage(dev, stager, nextPkg, "ruby server.rb");
        String nextDroplet = dev.get("/v3/builds/" + nextBuild).body().path("droplet").path("guid").asText();
        JsonNode deployment = dev.post("/v3/deployments", obj("droplet", obj("guid", nextDroplet),
                "relationships", obj("app", obj("data", obj("guid", app))))).body();
        awaitDeployed(dev, deployment.path("guid").asText());
        assertThat(dev.get("/v3/apps/" + app + "/droplets/current").body().path("guid").asText())
                .isEqualTo(nextDroplet);

        var download = dev.download("/v3/droplets/" + nextDroplet + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("droplet " + nextBuild);
        var manifest = dev.download("/v3/apps/" + app + "/manifest");
        assertThat(new String(manifest.body(), StandardCharsets.UTF_8)).contains("name: " + name)
                .contains("STAGE: scenario").contains("instances: 3").contains("memory: 256M");
    }

    private static String stage(Cf dev, Cf stager, String pkg, String command) {
        String build = dev.post("/v3/builds", obj("package", obj("guid", pkg))).body().path("guid").asText();
        stager.upload("POST", "/internal/v4/droplets/" + build + "/upload", new Multipart().file("droplet",
                "droplet.tgz", ("droplet " + build).getBytes(StandardCharsets.UTF_8)));
        String result = obj("lifecycle_type", "buildpack", "process_types", obj("web", command),
                "execution_metadata", "", "lifecycle_metadata", obj("buildpacks",
                        List.of(obj("key", "ruby", "name", "ruby_buildpack")))).toString();
        assertThat(stager.post("/internal/v3/staging/" + build + "/build_completed",
                obj("task_guid", build, "failed", false, "result", result)).status()).isEqualTo(200);
        assertThat(dev.get("/v3/builds/" + build).body().path("state").asText()).isEqualTo("STAGED");
        return build;
    }

    private static void awaitDeployed(Cf dev, String deployment) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if ("DEPLOYED".equals(dev.get("/v3/deployments/" + deployment).body().path("status").path("reason")
                    .asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("deployment " + deployment + " not DEPLOYED in 30 s");
    }
}
