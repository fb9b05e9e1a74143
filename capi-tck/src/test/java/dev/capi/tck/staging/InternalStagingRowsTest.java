package dev.capi.tck.staging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Expect;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The internal rows around staging that the push flow does not take: the deprecated {@code droplet_completed}
 * callback, the v2 droplet permalink, the buildpack cache (download, and its deletion through the public app action),
 * Loggregator's log access check and the metrics scrape.
 */
@Checks({
        "POST /internal/v3/staging/:staging_guid/droplet_completed",
        "GET /internal/v2/droplets/:guid/:droplet_checksum/download",
        "GET /staging/v3/buildpack_cache/:stack/:app_guid/download",
        "POST /v3/apps/:guid/actions/clear_buildpack_cache",
        "GET /internal/v4/log_access/:app_guid",
        "POST /internal/v4/metrics",
        "GET /v3/builds/:guid",
        "GET /v3/jobs/:guid"})
class InternalStagingRowsTest {
    static Cf stager;

    @BeforeAll
    static void setUp() {
        StagingFlowTest.setUp();
        stager = dev.capi.tck.support.Tck.get().internal();
        assumeTrue(stager != null, "skipped: no internal API configured");
    }

    @Test
    void theDeprecatedDropletCallbackStagesAndTheV2PermalinkServesTheCurrentDroplet() {
        assumeTrue(dev.capi.tck.support.Tck.get().playsTheRuntime(), dev.capi.tck.support.Tck.REAL_RUNTIME);
        Cf dev = StagingFlowTest.dev;
        String app = StagingFlowTest.app();
        String build = dev.post("/v3/builds", obj("package", obj("guid", StagingFlowTest.readyPackage(app))))
                .body().path("guid").asText();
        byte[] droplet = ("droplet of " + build).getBytes(StandardCharsets.UTF_8);
        ApiResponse uploaded = stager.upload("POST", "/internal/v4/droplets/" + build + "/upload",
                new Multipart().file("droplet", "droplet.tgz", droplet));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        ApiResponse malformed = stager.send("POST", "/internal/v3/staging/" + build + "/droplet_completed", "{nope",
                "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(dev.get("/v3/builds/" + build).body().path("state").asText()).isEqualTo("STAGING");
        String result = obj("lifecycle_type", "buildpack", "process_types", obj("web", "./run"),
                "execution_metadata", "", "lifecycle_metadata", obj("detected_buildpack", "binary_buildpack",
                        "buildpacks", List.of(obj("key", "binary", "name", "binary_buildpack")))).toString();
        ApiResponse done = stager.post("/internal/v3/staging/" + build + "/droplet_completed",
                obj("task_guid", build, "failed", false, "result", result));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().size()).as("answers {}").isZero();
        JsonNode staged = dev.get("/v3/builds/" + build).body();
        assertThat(staged.path("state").asText()).isEqualTo("STAGED");
        String dropletGuid = staged.path("droplet").path("guid").asText();
        dev.patch("/v3/apps/" + app + "/relationships/current_droplet", obj("data", obj("guid", dropletGuid)));
        String web = dev.get("/v3/apps/" + app + "/processes/web").body().path("guid").asText();
        String checksum = dev.get("/v3/droplets/" + dropletGuid).body().path("checksum").path("value").asText();
        var cell = stager.download("/internal/v2/droplets/" + web + "/" + checksum + "/download");
        assertThat(cell.statusCode()).isEqualTo(200);
        assertThat(cell.body()).isEqualTo(droplet);
        assertThat(stager.download("/internal/v2/droplets/" + web + "/0000/download").statusCode())
                .as("a checksum that is not the current droplet's").isEqualTo(404);
    }

    @Test
    void buildpackCachesDownloadUntilTheAppClearsThem() {
        Cf dev = StagingFlowTest.dev;
        String app = StagingFlowTest.app();
        String path = "/staging/v3/buildpack_cache/cflinuxfs4/" + app + "/download";
        assertThat(stager.download(path).statusCode()).as("no cache yet").isEqualTo(404);
        byte[] cache = ("cache of " + app).getBytes(StandardCharsets.UTF_8);
        ApiResponse stored = stager.upload("POST", "/internal/v4/buildpack_cache/cflinuxfs4/" + app + "/upload",
                new Multipart().file("buildpack_cache", "cache.tgz", cache));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stager.download(path).body()).isEqualTo(cache);

        StagingFlowTest.actors.check(Expect.byDefault(403).and(Expect.SKIP, ADMIN, SPACE_DEVELOPER)
                        .and(404, ORG_AUDITOR, ORG_BILLING_MANAGER, ORG_USER, NO_ROLE),
                cf -> cf.post("/v3/apps/" + app + "/actions/clear_buildpack_cache", null));
        assertThat(stager.download(path).body()).as("refused callers cleared nothing").isEqualTo(cache);
        ApiResponse accepted = dev.post("/v3/apps/" + app + "/actions/clear_buildpack_cache", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/v3/jobs/");
        JsonNode job = dev.awaitJob(accepted);
        assertThat(job.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(stager.download(path).statusCode()).isEqualTo(404);
        assertThat(dev.post("/v3/apps/nope/actions/clear_buildpack_cache", null).status()).isEqualTo(404);
    }

    @Test
    void logAccessIsGrantedToWhoeverMaySeeTheApp() {
        String app = StagingFlowTest.app();
        String path = "/internal/v4/log_access/" + app;
        Set<Role> readers = Set.of(ADMIN, ADMIN_READ_ONLY, GLOBAL_AUDITOR, ORG_MANAGER, SPACE_MANAGER,
                SPACE_DEVELOPER, SPACE_AUDITOR, SPACE_SUPPORTER);
        for (Role role : StagingFlowTest.actors.obtainable(Role.values())) {
            ApiResponse r = stager.withToken(StagingFlowTest.actors.as(role).token()).get(path);
            assertThat(r.status()).as(role + ": " + r).isEqualTo(readers.contains(role) ? 200 : 404);
        }
        assertThat(stager.withToken(StagingFlowTest.dev.token()).get("/internal/v4/log_access/nope").status())
                .isEqualTo(404);
        assertThat(stager.get(path).status()).as("no token").isEqualTo(401);
        assertThat(stager.withToken("not-a-token").get(path).status()).isEqualTo(401);
    }

    @Test
    void metricsAreScrapedInPrometheusTextFormat() {
        for (String method : List.of("GET", "POST")) {
            ApiResponse r = stager.send(method, "/internal/v4/metrics", null, null);
            assertThat(r.status()).as(method).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.raw()).contains("# TYPE cc_requests_completed").contains("capi_http_request_duration_seconds");
        }
    }
}
