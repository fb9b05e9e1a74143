package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceState;

import java.time.Duration;
import java.time.Instant;

/**
 * The health checks of starting instances: a STARTING instance whose {@code port}, {@code http} or {@code process}
 * check passes becomes RUNNING (and routable); one still failing after the process's health check timeout (60 s when
 * none is set) is killed and counted as a crash, as Diego does.
 */
final class InstanceHealth {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final AppLogs logs;
    private final InstanceCrashes crashes;

    InstanceHealth(AppLogs logs, InstanceCrashes crashes) {
        this.logs = logs;
        this.crashes = crashes;
    }

    /** Checks a STARTING slot (whose monitor the caller holds) once. */
    void check(DesiredProcess d, InstanceSlot slot, Instant now) {
        if (slot.state != InstanceState.STARTING) {
            return;
        }
        if (HealthCheck.passes(d.healthCheckType(), d.healthCheckEndpoint(), slot.port, slot.process)) {
            slot.state = InstanceState.RUNNING;
            slot.since = now;
            slot.runningSince = now;
            InstanceSlot.cell(logs, d, slot, "Container became healthy");
        } else if (System.nanoTime() - slot.launchedNanos > timeout(d).toNanos()) {
            String description = "Instance never healthy after " + timeout(d).toSeconds() + "s: "
                    + d.healthCheckType() + " health check never passed.";
            InstanceSlot.cell(logs, d, slot, description);
            ChildProcesses.kill(slot.process.toHandle(), Duration.ZERO);
            crashes.crash(d, slot, -1, description);
        }
    }

    static Duration timeout(DesiredProcess d) {
        return d.healthCheckTimeout() != null && d.healthCheckTimeout() > 0
                ? Duration.ofSeconds(d.healthCheckTimeout()) : DEFAULT_TIMEOUT;
    }
}
