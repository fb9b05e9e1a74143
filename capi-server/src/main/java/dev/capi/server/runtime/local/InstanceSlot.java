package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * One instance index of a process: what runs there now (no process while it waits to start again), its state and
 * crash count. Guarded by its own monitor: whoever reads or changes it holds {@code synchronized (slot)}.
 */
final class InstanceSlot {
    final int index;
    String instanceGuid = UUID.randomUUID().toString();
    int port;
    Path dir;
    Process process;
    InstanceState state = InstanceState.STARTING;
    Instant since;
    long launchedNanos;
    Instant runningSince;
    Instant restartAt;
    int crashCount;
    String details;
    boolean stopped;
    final ProcessUsage usage = new ProcessUsage();

    InstanceSlot(int index, Instant now) {
        this.index = index;
        this.since = now;
    }

    /** A RUNNING instance with a live process: the router may send it requests. */
    boolean routable() {
        return state == InstanceState.RUNNING && process != null;
    }

    /** Writes one line of the runtime's own account of this instance ({@code CELL}) to the app's log. */
    static void cell(AppLogs logs, DesiredProcess d, InstanceSlot slot, String line) {
        logs.append(d.appGuid(), "CELL", Integer.toString(slot.index), line, false);
    }
}
