package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens when an instance ends on its own or never becomes healthy: the slot goes CRASHED, waits the
 * {@link RestartBackoff} delay for its crash count before it starts again, and the crash is reported to the Cloud
 * Controller as Diego reports one (the payload of {@code /internal/v4/apps/:guid/crashed}). A slot that has run for
 * {@link RestartBackoff#RESET_AFTER} forgets its crashes.
 */
final class InstanceCrashes {
    private final AppLogs logs;
    private final ReportOutbox outbox;
    private final Clock clock;

    InstanceCrashes(AppLogs logs, ReportOutbox outbox, Clock clock) {
        this.logs = logs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the crash of {@code slot} (whose monitor the caller holds) and schedules its restart. */
    void crash(DesiredProcess d, InstanceSlot slot, int exitStatus, String description) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        slot.process = null;
        slot.state = InstanceState.CRASHED;
        slot.since = now;
        slot.details = description;
        slot.crashCount++;
        slot.restartAt = now.plus(RestartBackoff.delay(slot.crashCount));
        InstanceSlot.cell(logs, d, slot, "Container crashed: " + description);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("instance", slot.instanceGuid);
        payload.put("index", slot.index);
        payload.put("cell_id", "local");
        payload.put("exit_status", exitStatus);
        payload.put("exit_description", description);
        payload.put("reason", "CRASHED");
        payload.put("crash_count", slot.crashCount);
        payload.put("crash_timestamp", now.getEpochSecond() * 1_000_000_000L + now.getNano());
        payload.put("version", d.version());
        outbox.post(new RuntimeReport.InstanceCrashed(d.processGuid(), payload));
    }

    /** Whether the slot may start again now (it never crashed, or its backoff delay is over). */
    boolean mayStart(InstanceSlot slot, Instant now) {
        return slot.restartAt == null || !now.isBefore(slot.restartAt);
    }

    /** Forgets the slot's crashes once it has been running long enough. */
    void forgiveStableRun(InstanceSlot slot, Instant now) {
        if (slot.crashCount > 0 && slot.runningSince != null
                && Duration.between(slot.runningSince, now).compareTo(RestartBackoff.RESET_AFTER) >= 0) {
            slot.crashCount = 0;
        }
    }
}
