package dev.capi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigNodesTest {

    @Test
    void theDefaultsKeepTheKeyInTheDatabaseAndBeatEveryFiveSeconds() {
        var config = ServerConfig.load(null, Map.of());
        assertThat(config.signingKeyFile()).isNull();
        assertThat(config.nodes().heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.nodes().missedHeartbeats()).isEqualTo(4);
        assertThat(config.nodes().name()).startsWith("node-");
        assertThat(ServerConfig.load(null, Map.of()).nodes().name()).as("each node a name of its own")
                .isNotEqualTo(config.nodes().name());
    }

    @Test
    void yamlSetsThemAndTheEnvironmentOverrides(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("capi.yml"), "node:\n  name: api-1\n  heartbeat_seconds: 2\n"
                + "  missed_heartbeats: 6\ntoken_signing_key_file: /etc/capi/key.jwk\n");
        var config = ServerConfig.load(yaml, Map.of("CAPI_NODE_HEARTBEAT_SECONDS", "3"));
        assertThat(config.nodes().name()).isEqualTo("api-1");
        assertThat(config.nodes().heartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.nodes().missedHeartbeats()).isEqualTo(6);
        assertThat(config.signingKeyFile()).isEqualTo("/etc/capi/key.jwk");
    }

    @Test
    void badValuesStopTheBootNamingTheKey() {
        for (var bad : new String[][] {{"CAPI_NODE_HEARTBEAT_SECONDS", "0"}, {"CAPI_NODE_MISSED_HEARTBEATS", "3"},
                {"CAPI_NODE_MISSED_HEARTBEATS", "many"}, {"CAPI_NODE_NAME", "x".repeat(51)}}) {
            assertThatThrownBy(() -> ServerConfig.load(null, Map.of(bad[0], bad[1])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad[0]);
        }
    }
}
