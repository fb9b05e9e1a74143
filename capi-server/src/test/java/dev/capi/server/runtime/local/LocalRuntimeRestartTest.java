package dev.capi.server.runtime.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's shutdown stops its instances; its next start on the same data dir runs the started apps again. */
class LocalRuntimeRestartTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void shutdownStopsTheInstancesAndTheNextStartBringsThemBack(@TempDir Path dataDir, @TempDir Path work)
            throws Exception {
        String password = "restart-" + UUID.randomUUID();
        String app;
        String process;
        int instancePort;
        try (LocalApi api = new LocalApi(dataDir, password)) {
            String[] spaceAndApp = api.spaceAndApp("comeback", "binary_buildpack");
            app = spaceAndApp[1];
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("Server.class", LocalApi.serverClass(work));
            JsonNode build = api.pushAndStage(app, LocalApi.zip(files));
            assertThat(build.path("state").asText()).as(build.toString()).isEqualTo("STAGED");
            process = api.get("/v3/apps/" + app + "/processes/web").path("guid").asText();
            api.call("PATCH", "/v3/processes/" + process, "{\"command\":\"" + JAVA + " -cp . Server\"}", 200);
            api.call("PATCH", "/v3/apps/" + app + "/relationships/current_droplet", "{\"data\":{\"guid\":\""
                    + build.path("droplet").path("guid").asText() + "\"}}", 200);
            api.call("POST", "/v3/apps/" + app + "/actions/start", null, 200);
            JsonNode stats = api.await("/v3/processes/" + process + "/stats",
                    s -> s.path("resources").get(0).path("state").asText().equals("RUNNING"));
            instancePort = stats.path("resources").get(0).path("instance_ports").get(0).path("external").asInt();
            assertThat(connects(instancePort)).isTrue();
        }
        int stopped = instancePort;
        assertThatThrownBy(() -> connect(stopped)).as("the instance stopped with the server")
                .isInstanceOf(IOException.class);

        try (LocalApi api = new LocalApi(dataDir, password)) {
            JsonNode stats = api.await("/v3/processes/" + process + "/stats",
                    s -> s.path("resources").get(0).path("state").asText().equals("RUNNING"));
            int port = stats.path("resources").get(0).path("instance_ports").get(0).path("external").asInt();
            assertThat(connects(port)).isTrue();
            assertThat(api.get("/v3/buildpacks?names=java_buildpack,binary_buildpack").path("pagination")
                    .path("total_results").asInt()).as("seeded once").isEqualTo(2);
        }
    }

    private static boolean connects(int port) throws IOException {
        connect(port);
        return true;
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
