package dev.capi.server.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runtime's small rules: restart backoff, route path matching, the log ring, Procfiles, the environment. */
class LocalRuntimeRulesTest {
    @Test
    void crashedInstancesRestartAtOnceThreeTimesThenBackOffDoublingUpToSixteenMinutes() {
        assertThat(RestartBackoff.delay(1)).isZero();
        assertThat(RestartBackoff.delay(3)).isZero();
        assertThat(RestartBackoff.delay(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RestartBackoff.delay(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RestartBackoff.delay(9)).isEqualTo(Duration.ofMinutes(16));
        assertThat(RestartBackoff.delay(200)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void aRoutePathMatchesWholeSegmentsOnly() {
        assertThat(RouteTable.matches("", "/anything")).isTrue();
        assertThat(RouteTable.matches("/api", "/api")).isTrue();
        assertThat(RouteTable.matches("/api", "/api/v1")).isTrue();
        assertThat(RouteTable.matches("/api", "/apis")).isFalse();
        assertThat(RouteTable.matches("/api", "/")).isFalse();
    }

    @Test
    void theLogRingKeepsTheNewestLinesAndReadsFromAStartTimeInEitherOrder() {
        var clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        var logs = new AppLogs(3, clock);
        for (int i = 1; i <= 5; i++) {
            logs.append("app", "APP/PROC/WEB", "0", "line " + i, i == 5);
        }
        var all = logs.read("app", 0, Long.MAX_VALUE, 100, false);
        assertThat(all).extracting(AppLogs.LogLine::text).containsExactly("line 3", "line 4", "line 5");
        assertThat(all.get(2).stderr()).isTrue();
        assertThat(all).extracting(AppLogs.LogLine::timestampNanos).isSorted().doesNotHaveDuplicates();
        assertThat(logs.read("app", 0, Long.MAX_VALUE, 2, true)).extracting(AppLogs.LogLine::text)
                .containsExactly("line 5", "line 4");
        assertThat(logs.read("app", all.get(1).timestampNanos(), Long.MAX_VALUE, 100, false))
                .extracting(AppLogs.LogLine::text).containsExactly("line 4", "line 5");
        assertThat(logs.read("other", 0, Long.MAX_VALUE, 100, false)).isEmpty();
    }

    @Test
    void aProcfileDeclaresProcessTypes(@TempDir Path app) throws IOException {
        Files.writeString(app.resolve("Procfile"), "web: ./server --port $PORT\n# comment\nworker:  ./work \n\n");
        assertThat(Procfile.read(app)).containsExactly(Map.entry("web", "./server --port $PORT"),
                Map.entry("worker", "./work"));
    }

    @Test
    void instancesGetTheCellsVariablesAndTheirFieldsInVcapApplication(@TempDir Path dir) {
        var env = Launcher.environment(Map.of("VCAP_APPLICATION", "{\"application_id\":\"a1\"}", "MINE", "x",
                "MEMORY_LIMIT", "256m"), new Launcher.Instance(dir, 2, "guid-2", 61001, 256));
        assertThat(env).containsEntry("PORT", "61001").containsEntry("CF_INSTANCE_INDEX", "2")
                .containsEntry("CF_INSTANCE_GUID", "guid-2").containsEntry("CF_INSTANCE_PORT", "61001")
                .containsEntry("CF_INSTANCE_ADDR", "127.0.0.1:61001").containsEntry("MINE", "x")
                .containsEntry("MEMORY_LIMIT", "256m").containsEntry("HOME", dir.resolve("app").toString());
        assertThat(env.get("VCAP_APPLICATION")).contains("\"application_id\":\"a1\"")
                .contains("\"instance_index\":2").contains("\"port\":61001");
    }
}
