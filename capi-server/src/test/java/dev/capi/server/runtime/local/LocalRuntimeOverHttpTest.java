package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local runtime end to end over the public API and the router: real staging with the built-in buildpacks, real
 * instances answering through the router, scaling, crashes, tasks, staging failures and logs in log-cache format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRuntimeOverHttpTest {
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
    void aRunnableJarStagesWithTheJavaBuildpackAndAnswersThroughTheRouterAtEveryInstance() throws Exception {
        String[] spaceAndApp = api.spaceAndApp("jarapp", null);
        String space = spaceAndApp[0];
        String app = spaceAndApp[1];
        JsonNode build = api.pushAndStage(app, LocalApi.runnableJarPackage(serverClass));
        assertThat(build.path("state").asText()).as(build.toString()).isEqualTo("STAGED");
        String droplet = build.path("droplet").path("guid").asText();
        JsonNode staged = api.get("/v3/droplets/" + droplet);
        assertThat(staged.path("buildpacks").get(0).path("name").asText()).isEqualTo("java_buildpack");
        assertThat(staged.path("process_types").path("web").asText()).contains("-cp . Server");

        api.call("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\"" + droplet
                + "\"}}", 200);
        mapRoute(space, app, "jarapp");
        api.call("POST", "/v3/apps/" + app + "/actions/start", null, 200);
        String process = api.get("/v3/apps/" + app + "/processes/web").path("guid").asText();
        JsonNode stats = api.await("/v3/processes/" + process + "/stats", s -> running(s) == 1);
        JsonNode instance = stats.path("resources").get(0);
        assertThat(instance.path("usage").path("mem").asLong()).as("resident memory from /proc").isPositive();
        assertThat(instance.path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(instance.path("instance_ports").get(0).path("external").asInt()).isPositive();

        var answer = api.viaRouter("jarapp.apps.localhost", "/hello", Map.of("X-Vcap-Request-Id", "req-123"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("hello from 0").contains("id=req-123").contains("path=/hello");
        assertThat(answer.headers().firstValue("X-Vcap-Request-Id")).contains("req-123");

        api.call("POST", "/v3/processes/" + process + "/actions/scale", "{\"instances\":2}", 202);
        api.await("/v3/processes/" + process + "/stats", s -> running(s) == 2);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String body = api.viaRouter("JarApp.apps.localhost:80", "/").body();
            seen.add(body.substring(0, "hello from 0".length()));
        }
        assertThat(seen).as("round-robin over both instances").containsExactlyInAnyOrder("hello from 0",
                "hello from 1");

        JsonNode logs = api.get("/api/v1/read/" + app + "?envelope_types=LOG&limit=1000");
        Set<String> sources = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode e : logs.path("envelopes").path("batch")) {
            sources.add(e.path("tags").path("source_type").asText());
            text.append(new String(Base64.getDecoder().decode(e.path("log").path("payload").asText()),
                    StandardCharsets.UTF_8)).append('\n');
        }
        assertThat(sources).contains("STG", "APP/PROC/WEB", "CELL");
        assertThat(text).contains("Detected buildpack java_buildpack").contains("listening on");
        JsonNode newest = api.get("/api/v1/read/" + app + "?descending=true&limit=1");
        assertThat(newest.path("envelopes").path("batch")).hasSize(1);
        var anonymous = api.send(HttpRequest.newBuilder(URI.create(api.base + "/api/v1/read/" + app)).build());
        assertThat(anonymous.statusCode()).as("log-cache hides logs from callers without a token").isEqualTo(404);
        assertThat(api.get("/").path("links").path("log_cache").path("href").asText())
                .isEqualTo(api.base.replace("127.0.0.1", "localhost"));

        var unknown = api.viaRouter("nothing.apps.localhost", "/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Cf-Routererror")).contains("unknown_route");
        api.call("POST", "/v3/apps/" + app + "/actions/stop", null, 200);
        var none = api.awaitRouter("jarapp.apps.localhost", "/", r -> r.statusCode() == 503);
        assertThat(none.headers().firstValue("X-Cf-Routererror")).contains("no_endpoints");
    }

    @Test
    void theBinaryBuildpackRunsTheProcfileCommandRestartsACrashedInstanceAndRunsTasks() throws Exception {
        String[] spaceAndApp = api.spaceAndApp("binapp", "binary_buildpack");
        String space = spaceAndApp[0];
        String app = spaceAndApp[1];
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Server.class", serverClass);
        files.put("Procfile", ("web: " + JAVA + " -cp . Server\n").getBytes(StandardCharsets.UTF_8));
        JsonNode build = api.pushAndStage(app, LocalApi.zip(files));
        assertThat(build.path("state").asText()).as(build.toString()).isEqualTo("STAGED");
        api.call("PATCH", "/v3/apps/" + app + "/environment_variables", "{\"var\":{\"GREETING\":\"hi\"}}", 200);
        api.call("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\""
                + build.path("droplet").path("guid").asText() + "\"}}", 200);
        mapRoute(space, app, "binapp");
        String process = api.get("/v3/apps/" + app + "/processes/web").path("guid").asText();
        api.call("PATCH", "/v3/processes/" + process, "{\"health_check\":{\"type\":\"http\",\"data\":"
                + "{\"endpoint\":\"/healthy\"}}}", 200);
        api.call("POST", "/v3/apps/" + app + "/actions/start", null, 200);
        var answer = api.awaitRouter("binapp.apps.localhost", "/", r -> r.statusCode() == 200);
        assertThat(answer.body()).contains("greeting=hi");

        api.viaRouter("binapp.apps.localhost", "/crash");
        JsonNode crashes = api.await("/v3/audit_events?types=audit.app.process.crash&target_guids=" + app,
                e -> e.path("pagination").path("total_results").asInt() >= 1);
        JsonNode crash = crashes.path("resources").get(0).path("data");
        assertThat(crash.path("exit_description").asText()).isEqualTo("APP/PROC/WEB: Exited with status 7");
        assertThat(crash.path("index").asInt()).isZero();
        api.awaitRouter("binapp.apps.localhost", "/", r -> r.statusCode() == 200);

        String ok = task(app, "echo task ran; exit 0");
        String failing = task(app, "exit 3");
        api.await("/v3/tasks/" + ok, t -> t.path("state").asText().equals("SUCCEEDED"));
        JsonNode failed = api.await("/v3/tasks/" + failing, t -> t.path("state").asText().equals("FAILED"));
        assertThat(failed.path("result").path("failure_reason").asText()).isEqualTo("Exited with status 3");
        String sleeper = task(app, "sleep 60");
        api.call("POST", "/v3/tasks/" + sleeper + "/actions/cancel", null, 202);
        api.await("/v3/tasks/" + sleeper, t -> t.path("state").asText().equals("FAILED"));
    }

    @Test
    void stagingFailuresEndTheBuildWithTheReferenceErrorIds() throws Exception {
        String nothing = api.spaceAndApp("plainapp", null)[1];
        JsonNode undetected = api.pushAndStage(nothing, LocalApi.zip(Map.of("index.html",
                "<p>hi</p>".getBytes(StandardCharsets.UTF_8))));
        assertThat(undetected.path("state").asText()).isEqualTo("FAILED");
        assertThat(undetected.path("error").asText())
                .isEqualTo("NoAppDetectedError - An app was not successfully detected by any available buildpack");

        uploadBuildpack("failing_compile", "#!/bin/sh\necho compiling; exit 1\n", "#!/bin/sh\necho '--- {}'\n");
        uploadBuildpack("failing_release", "#!/bin/sh\nexit 0\n", "#!/bin/sh\nexit 5\n");
        String compile = api.spaceAndApp("compileapp", "failing_compile")[1];
        JsonNode compileFailed = api.pushAndStage(compile, LocalApi.zip(Map.of("a.txt", new byte[]{1})));
        assertThat(compileFailed.path("error").asText())
                .isEqualTo("BuildpackCompileFailed - App staging failed in the buildpack compile phase");
        String release = api.spaceAndApp("releaseapp", "failing_release")[1];
        JsonNode releaseFailed = api.pushAndStage(release, LocalApi.zip(Map.of("a.txt", new byte[]{1})));
        assertThat(releaseFailed.path("error").asText())
                .isEqualTo("BuildpackReleaseFailed - App staging failed in the buildpack release phase");

        api.call("PATCH", "/v3/feature_flags/diego_docker", "{\"enabled\":true}", 200);
        String space = api.spaceAndApp("dockerspace", null)[0];
        String docker = api.create("/v3/apps", "{\"name\":\"dockerapp\",\"lifecycle\":{\"type\":\"docker\","
                + "\"data\":{}},\"relationships\":{\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");
        String image = api.create("/v3/packages", "{\"type\":\"docker\",\"data\":{\"image\":\"busybox\"},"
                + "\"relationships\":{\"app\":{\"data\":{\"guid\":\"" + docker + "\"}}}}");
        String build = api.create("/v3/builds", "{\"package\":{\"guid\":\"" + image + "\"}}");
        JsonNode dockerFailed = api.await("/v3/builds/" + build, b -> b.path("state").asText().equals("FAILED"));
        assertThat(dockerFailed.path("error").asText()).isEqualTo("StagingError - staging failed");
        assertThat(api.get("/api/v1/read/" + docker).toString()).as("the reason, in the staging log")
                .contains(Base64.getEncoder().encodeToString(("Docker images cannot be staged: the local runtime runs "
                        + "no Docker daemon").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void instancesAndTasksGetTheRunningGroupUnderTheAppsVariablesAndStagingGetsTheStagingGroup() throws Exception {
        api.call("PATCH", "/v3/environment_variable_groups/running", "{\"var\":{\"SHARED\":\"running-group\","
                + "\"RUN_ONLY\":\"r\"}}", 200);
        api.call("PATCH", "/v3/environment_variable_groups/staging", "{\"var\":{\"SHARED\":\"staging-group\","
                + "\"STAGE_ONLY\":\"s\"}}", 200);
        uploadBuildpack("env_buildpack", "exit 1", "#!/bin/sh\necho \"staging sees STAGE_ONLY=$STAGE_ONLY"
                + " RUN_ONLY=[$RUN_ONLY] SHARED=$SHARED\"\n", "#!/bin/sh\necho '---'\necho 'default_process_types:'\necho '  web: " + JAVA
                + " -cp . Server'\n");
        String[] spaceAndApp = api.spaceAndApp("envapp", "env_buildpack");
        String app = spaceAndApp[1];
        api.call("PATCH", "/v3/apps/" + app + "/environment_variables", "{\"var\":{\"SHARED\":\"app\"}}", 200);
        JsonNode build = api.pushAndStage(app, LocalApi.zip(Map.of("Server.class", serverClass)));
        assertThat(build.path("state").asText()).as(build.toString()).isEqualTo("STAGED");
        assertThat(logText(app)).contains("staging sees STAGE_ONLY=s RUN_ONLY=[] SHARED=app");

        api.call("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\""
                + build.path("droplet").path("guid").asText() + "\"}}", 200);
        mapRoute(spaceAndApp[0], app, "envapp");
        api.call("POST", "/v3/apps/" + app + "/actions/start", null, 200);
        api.awaitRouter("envapp.apps.localhost", "/", r -> r.statusCode() == 200);
        assertThat(api.viaRouter("envapp.apps.localhost", "/env/SHARED").body()).as("the app's variable wins")
                .isEqualTo("app");
        assertThat(api.viaRouter("envapp.apps.localhost", "/env/RUN_ONLY").body()).isEqualTo("r");
        assertThat(api.viaRouter("envapp.apps.localhost", "/env/STAGE_ONLY").body()).isEqualTo("null");

        String ok = task(app, "test \\\"$RUN_ONLY/$SHARED/$STAGE_ONLY\\\" = r/app/");
        JsonNode ran = api.await("/v3/tasks/" + ok, t -> !t.path("state").asText().equals("RUNNING"));
        assertThat(ran.path("state").asText()).as(ran.toString()).isEqualTo("SUCCEEDED");
        JsonNode env = api.get("/v3/apps/" + app + "/env");
        assertThat(env.path("running_env_json").path("RUN_ONLY").asText()).isEqualTo("r");
        assertThat(env.path("staging_env_json").path("STAGE_ONLY").asText()).isEqualTo("s");
    }

    private String logText(String app) throws Exception {
        StringBuilder text = new StringBuilder();
        for (JsonNode e : api.get("/api/v1/read/" + app + "?envelope_types=LOG&limit=1000").path("envelopes")
                .path("batch")) {
            text.append(new String(Base64.getDecoder().decode(e.path("log").path("payload").asText()),
                    StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }

    private String task(String app, String command) throws Exception {
        return api.call("POST", "/v3/apps/" + app + "/tasks", "{\"command\":\"" + command + "\"}", 202)
                .path("guid").asText();
    }

    private void uploadBuildpack(String name, String compile, String release) throws Exception {
        uploadBuildpack(name, "exit 0", compile, release);
    }

    private void uploadBuildpack(String name, String detect, String compile, String release) throws Exception {
        String guid = api.create("/v3/buildpacks", "{\"name\":\"" + name + "\"}");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/detect", ("#!/bin/sh\n" + detect + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("bin/compile", compile.getBytes(StandardCharsets.UTF_8));
        files.put("bin/release", release.getBytes(StandardCharsets.UTF_8));
        var accepted = api.upload("/v3/buildpacks/" + guid + "/upload", LocalApi.zip(files));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        api.await("/v3/buildpacks/" + guid, b -> b.path("state").asText().equals("READY"));
    }

    private void mapRoute(String space, String app, String host) throws Exception {
        String domain = api.get("/v3/domains?names=apps.localhost").path("resources").get(0).path("guid").asText();
        String route = api.create("/v3/routes", "{\"host\":\"" + host + "\",\"relationships\":{\"domain\":{\"data\":"
                + "{\"guid\":\"" + domain + "\"}},\"space\":{\"data\":{\"guid\":\"" + space + "\"}}}}");
        api.call("POST", "/v3/routes/" + route + "/destinations", "{\"destinations\":[{\"app\":{\"guid\":\"" + app
                + "\"}}]}", 200);
    }

    private static long running(JsonNode stats) {
        long n = 0;
        for (JsonNode r : stats.path("resources")) {
            if (r.path("state").asText().equals("RUNNING")) {
                n++;
            }
        }
        return n;
    }
}
