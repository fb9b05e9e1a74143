package dev.capi.tck.clients;

import dev.capi.tck.support.Checks;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Multipart;
import dev.capi.tck.support.Tck;
import org.cloudfoundry.operations.DefaultCloudFoundryOperations;
import org.cloudfoundry.operations.applications.ManifestV3;
import org.cloudfoundry.operations.applications.ManifestV3Application;
import org.cloudfoundry.operations.applications.PushManifestV3Request;
import org.cloudfoundry.reactor.DefaultConnectionContext;
import org.cloudfoundry.reactor.client.ReactorCloudFoundryClient;
import org.cloudfoundry.reactor.tokenprovider.PasswordGrantTokenProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.capi.tck.support.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * cf-java-client 5.15's {@code pushManifestV3} pushes an app end to end (apply manifest, package, resource matches,
 * upload, build, current droplet, restart, wait for RUNNING) while the TCK plays the stager on the internal API.
 */
@Checks({
        "GET /v3/apps",
        "GET /v3/apps/:guid/droplets/current",
        "GET /v3/apps/:guid/processes/:type",
        "GET /v3/builds",
        "GET /v3/processes/:guid/stats",
        "POST /internal/v3/staging/:staging_guid/build_completed",
        "POST /internal/v4/droplets/:guid/upload",
        "POST /v3/organizations",
        "POST /v3/spaces"})
class CfJavaClientPushTest {
    @Test
    void pushManifestV3PushesAnAppUntilItRuns() throws Exception {
        assumeTrue(Tck.get().playsTheRuntime(), Tck.REAL_RUNTIME);
        Tck tck = Tck.get();
        Cf stager = tck.internal();
        assumeTrue(stager != null, "no internal API configured: nobody can play the stager");
        Cf admin = tck.admin();
        String orgName = Tck.unique("push-org");
        String org = admin.post("/v3/organizations", obj("name", orgName)).body().path("guid").asText();
        String spaceName = Tck.unique("push-space");
        admin.post("/v3/spaces", obj("name", spaceName, "relationships",
                obj("organization", dev.capi.tck.support.Json.rel(org))));
        Path appDir = Files.createTempDirectory("capi-push-app");
        Files.writeString(appDir.resolve("config.ru"), "run ->(env) { [200, {}, ['hello']] }");
        Files.writeString(appDir.resolve("Gemfile"), "source 'https://rubygems.org'");

        ScheduledExecutorService stagerLoop = Executors.newSingleThreadScheduledExecutor();
        stagerLoop.scheduleWithFixedDelay(() -> stageWaitingBuilds(admin, stager), 100, 200, TimeUnit.MILLISECONDS);
        URI api = URI.create(tck.baseUrl());
        DefaultConnectionContext context = DefaultConnectionContext.builder()
                .apiHost(api.getHost()).port(api.getPort()).secure("https".equals(api.getScheme())).build();
        try {
            ReactorCloudFoundryClient client = ReactorCloudFoundryClient.builder().connectionContext(context)
                    .tokenProvider(PasswordGrantTokenProvider.builder().username(tck.adminUsername())
                            .password(tck.adminPassword()).build()).build();
            DefaultCloudFoundryOperations operations = DefaultCloudFoundryOperations.builder()
                    .cloudFoundryClient(client).organization(orgName).space(spaceName).build();
            String appName = Tck.unique("pushed");
            operations.applications().pushManifestV3(PushManifestV3Request.builder()
                    .manifest(ManifestV3.builder().application(ManifestV3Application.builder()
                            .name(appName).path(appDir).instances(2).memory(256).build()).build())
                    .build()).block(Duration.ofMinutes(2));

            JsonNode app = admin.get("/v3/apps?names=" + appName).body().path("resources").path(0);
            assertThat(app.path("state").asText()).isEqualTo("STARTED");
            String guid = app.path("guid").asText();
            JsonNode web = admin.get("/v3/apps/" + guid + "/processes/web").body();
            assertThat(web.path("instances").asInt()).isEqualTo(2);
            assertThat(web.path("memory_in_mb").asInt()).isEqualTo(256);
            JsonNode stats = admin.get("/v3/processes/" + web.path("guid").asText() + "/stats").body()
                    .path("resources");
            assertThat(stats).hasSize(2).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("RUNNING"));
            assertThat(admin.get("/v3/apps/" + guid + "/droplets/current").body().path("state").asText())
                    .isEqualTo("STAGED");
        } finally {
            stagerLoop.shutdownNow();
            context.dispose();
        }
    }

    /** The stager's side: every STAGING build gets a droplet upload and a successful completion callback. */
    private static void stageWaitingBuilds(Cf admin, Cf stager) {
        try {
            for (JsonNode build : admin.get("/v3/builds?states=STAGING").body().path("resources")) {
                String guid = build.path("guid").asText();
                byte[] droplet = ("droplet " + guid).getBytes(StandardCharsets.UTF_8);
                stager.upload("POST", "/internal/v4/droplets/" + guid + "/upload",
                        new Multipart().file("droplet", "droplet.tgz", droplet));
                String result = obj("lifecycle_type", "buildpack", "process_types", obj("web", "rackup"),
                        "execution_metadata", "", "lifecycle_metadata", obj("detected_buildpack", "ruby",
                                "buildpacks", List.of(obj("key", "ruby", "name", "ruby_buildpack")))).toString();
                ApiResponse done = stager.post("/internal/v3/staging/" + guid + "/build_completed",
                        obj("failed", false, "result", result));
                if (done.status() != 200) {
                    System.err.println("stager: " + done);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("stager loop: " + e.getMessage());
        }
    }
}
