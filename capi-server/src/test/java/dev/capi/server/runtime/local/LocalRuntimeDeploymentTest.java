package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments on real instances of the local runtime: a rolling deployment replaces every instance while a loop of
 * requests through the router sees no failure; a canary really serves while paused, and cancelling it brings the
 * old droplet back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRuntimeDeploymentTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    LocalApi api;
    byte[] serverClass;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        api = new LocalApi(dataDir);
        serverClass = LocalApi.serverClass(work);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void aRollingDeploymentReplacesEveryInstanceWithoutAFailedRequestThroughTheRouter() throws Exception {
        String app = runningVersionOne("rolling", 2);
        String v2 = stage(app, "2");
        Requests loop = Requests.start(api, "rolling.apps.localhost");
        String deployment = api.create("/v3/deployments", "{\"droplet\":{\"guid\":\"" + v2 + "\"},\"strategy\":"
                + "\"rolling\",\"options\":{\"max_in_flight\":1},\"relationships\":{\"app\":{\"data\":{\"guid\":\""
                + app + "\"}}}}");
        JsonNode deployed = api.await("/v3/deployments/" + deployment,
                d -> !d.path("status").path("value").asText().equals("ACTIVE"));
        assertThat(deployed.path("state").asText()).as(deployed.toString()).isEqualTo("DEPLOYED");
        api.awaitRouter("rolling.apps.localhost", "/", r -> r.body().contains("version=2"));
        List<HttpResponse<String>> seen = loop.stop();

        List<String> failures = seen.stream().filter(r -> r.statusCode() != 200)
                .map(r -> r.statusCode() + " " + r.body()).toList();
        assertThat(failures).as("requests that failed during the rolling deployment").isEmpty();
        assertThat(seen.get(0).body()).as("the loop started on the old instances").contains("version=1");
        assertThat(seen.get(seen.size() - 1).body()).contains("version=2");
        for (int i = 0; i < 4; i++) {
            assertThat(api.viaRouter("rolling.apps.localhost", "/").body()).contains("version=2");
        }
        String web = api.get("/v3/apps/" + app + "/processes/web").path("guid").asText();
        JsonNode stats = api.get("/v3/processes/" + web + "/stats");
        assertThat(stats.path("resources")).hasSize(2);
        assertThat(api.get("/v3/processes?app_guids=" + app + "&types=web").path("pagination")
                .path("total_results").asInt()).as("the old web process is gone").isEqualTo(1);
    }

    @Test
    void aPausedCanaryServesBesideTheOldInstancesAndCancelRestoresTheOldDroplet() throws Exception {
        String app = runningVersionOne("canary", 1);
        String v1 = api.get("/v3/apps/" + app + "/droplets/current").path("guid").asText();
        String v2 = stage(app, "2");
        String deployment = api.create("/v3/deployments", "{\"droplet\":{\"guid\":\"" + v2 + "\"},\"strategy\":"
                + "\"canary\",\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + app + "\"}}}}");
        api.await("/v3/deployments/" + deployment, d -> d.path("status").path("reason").asText().equals("PAUSED"));
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < 20 && versions.size() < 2; i++) {
            HttpResponse<String> r = api.viaRouter("canary.apps.localhost", "/");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            versions.add(r.body().replaceAll(".*version=", ""));
        }
        assertThat(versions).as("the canary answers beside the old instance").containsExactlyInAnyOrder("1", "2");

        api.call("POST", "/v3/deployments/" + deployment + "/actions/cancel", null, 200);
        JsonNode canceled = api.await("/v3/deployments/" + deployment,
                d -> d.path("status").path("value").asText().equals("FINALIZED"));
        assertThat(canceled.path("status").path("reason").asText()).isEqualTo("CANCELED");
        assertThat(api.get("/v3/apps/" + app + "/droplets/current").path("guid").asText()).isEqualTo(v1);
        api.awaitRouter("canary.apps.localhost", "/", r -> onlyVersionOne(r));
        for (int i = 0; i < 4; i++) {
            assertThat(api.viaRouter("canary.apps.localhost", "/").body()).contains("version=1");
        }
    }

    private boolean onlyVersionOne(HttpResponse<String> first) {
        try {
            return first.body().contains("version=1")
                    && api.viaRouter("canary.apps.localhost", "/").body().contains("version=1");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** An app named {@code name} on version 1 with {@code instances} RUNNING instances, routed at name.apps.localhost. */
    private String runningVersionOne(String name, int instances) throws Exception {
        String[] spaceAndApp = api.spaceAndApp(name, "binary_buildpack");
        String app = spaceAndApp[1];
        String v1 = stage(app, "1");
        api.call("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\"" + v1
                + "\"}}", 200);
        String domain = api.get("/v3/domains?names=apps.localhost").path("resources").get(0).path("guid").asText();
        String route = api.create("/v3/routes", "{\"host\":\"" + name + "\",\"relationships\":{\"domain\":{\"data\":"
                + "{\"guid\":\"" + domain + "\"}},\"space\":{\"data\":{\"guid\":\"" + spaceAndApp[0] + "\"}}}}");
        api.call("POST", "/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app
                + "\"}}]}", 200);
        String web = api.get("/v3/apps/" + app + "/processes/web").path("guid").asText();
        api.call("POST", "/v3/processes/" + web + "/actions/scale", "{\"instances\":" + instances + "}", 202);
        api.call("POST", "/v3/apps/" + app + "/actions/start", null, 200);
        api.await("/v3/processes/" + web + "/stats", s -> {
            int running = 0;
            for (JsonNode r : s.path("resources")) {
                running += r.path("state").asText().equals("RUNNING") ? 1 : 0;
            }
            return running == instances;
        });
        return app;
    }

    /** Stages the app's web server with {@code version.txt}; returns the droplet. */
    private String stage(String app, String version) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Server.class", serverClass);
        files.put("version.txt", version.getBytes(StandardCharsets.UTF_8));
        files.put("Procfile", ("web: " + JAVA + " -cp . Server\n").getBytes(StandardCharsets.UTF_8));
        JsonNode build = api.pushAndStage(app, LocalApi.zip(files));
        assertThat(build.path("state").asText()).as(build.toString()).isEqualTo("STAGED");
        return build.path("droplet").path("guid").asText();
    }

    /** A loop of GETs through the router, one after the other, on its own thread, for at most two minutes. */
    private static final class Requests {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<HttpResponse<String>> seen = new ArrayList<>();
        private CompletableFuture<Void> loop;

        static Requests start(LocalApi api, String host) {
            Requests r = new Requests();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            r.loop = CompletableFuture.runAsync(() -> {
                while (!r.stop.get() && System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> answer = api.viaRouter(host, "/");
                        synchronized (r.seen) {
                            r.seen.add(answer);
                        }
                    } catch (Exception e) {
                        throw new AssertionError("request through the router failed", e);
                    }
                }
            });
            return r;
        }

        List<HttpResponse<String>> stop() throws Exception {
            stop.set(true);
            loop.get(30, TimeUnit.SECONDS);
            synchronized (seen) {
                return List.copyOf(seen);
            }
        }
    }
}
