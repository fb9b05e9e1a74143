package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A crash marks the slot, reports Diego's payload, and holds the restart for the backoff of its crash count. */
class InstanceCrashesTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final ReportOutbox outbox = new ReportOutbox();
    private final InstanceCrashes crashes = new InstanceCrashes(new AppLogs(100, Clock.fixed(now, ZoneOffset.UTC)),
            outbox, Clock.fixed(now, ZoneOffset.UTC));
    private final DesiredProcess web = new DesiredProcess("proc", "v1", "app", "web", "droplet", "serve", null, 1, 256,
            1024, -1, 1024, "port", null, null, null, Map.of());

    @Test
    void theFourthCrashWaitsThirtySecondsAndEveryCrashIsReported() throws Exception {
        InstanceSlot slot = new InstanceSlot(0, now);
        for (int i = 1; i <= 3; i++) {
            crashes.crash(web, slot, 7, "Exited with status 7");
            assertThat(crashes.mayStart(slot, now)).as("crash " + i + " restarts at once").isTrue();
        }
        crashes.crash(web, slot, 7, "Exited with status 7");
        assertThat(slot.state).isEqualTo(InstanceState.CRASHED);
        assertThat(slot.process).isNull();
        assertThat(crashes.mayStart(slot, now.plusSeconds(29))).isFalse();
        assertThat(crashes.mayStart(slot, now.plusSeconds(30))).isTrue();

        var report = (RuntimeReport.InstanceCrashed) outbox.take(1000);
        assertThat(report.processGuid()).isEqualTo("proc");
        assertThat(report.payload()).containsEntry("index", 0).containsEntry("exit_status", 7)
                .containsEntry("crash_count", 1).containsEntry("version", "v1").containsEntry("reason", "CRASHED");
    }

    @Test
    void fiveMinutesOfRunningForgetTheCrashes() {
        InstanceSlot slot = new InstanceSlot(0, now);
        crashes.crash(web, slot, 1, "Exited with status 1");
        slot.runningSince = now;
        crashes.forgiveStableRun(slot, now.plus(Duration.ofMinutes(4)));
        assertThat(slot.crashCount).isEqualTo(1);
        crashes.forgiveStableRun(slot, now.plus(RestartBackoff.RESET_AFTER));
        assertThat(slot.crashCount).isZero();
    }
}
