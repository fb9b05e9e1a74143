package dev.capi.server;

import dev.capi.domain.assembly.SweeperSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigSweepersTest {

    @Test
    void theDefaultsAreTheReferences() {
        SweeperSettings s = ServerConfig.load(null, Map.of()).sweepers();
        assertThat(s).isEqualTo(SweeperSettings.defaults());
        assertThat(s.pendingBuildsExpiration()).isEqualTo(Duration.ofSeconds(900));
        assertThat(s.pendingPackagesExpiration()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void yamlSetsThemAndTheEnvironmentOverrides(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("capi.yml"), "pending_packages:\n  expiration_in_seconds: 10\n"
                + "pending_builds:\n  expiration_in_seconds: 20\nsweep_interval_seconds: 5\n"
                + "orphan_blobs:\n  grace_seconds: 30\n");
        SweeperSettings s = ServerConfig.load(yaml, Map.of("CAPI_PENDING_BUILDS_EXPIRATION_SECONDS", "42")).sweepers();
        assertThat(s.pendingPackagesExpiration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.pendingBuildsExpiration()).isEqualTo(Duration.ofSeconds(42));
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.orphanBlobsGrace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValuesStopTheBootNamingTheKey() {
        for (var bad : new String[][] {{"CAPI_PENDING_PACKAGES_EXPIRATION_SECONDS", "-1"},
                {"CAPI_PENDING_BUILDS_EXPIRATION_SECONDS", "soon"}, {"CAPI_SWEEP_INTERVAL_SECONDS", "0"},
                {"CAPI_ORPHAN_BLOBS_GRACE_SECONDS", "1.5"}}) {
            assertThatThrownBy(() -> ServerConfig.load(null, Map.of(bad[0], bad[1])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad[0]);
        }
    }
}
