package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops instances: a start unpacks the droplet into the slot's directory, takes a free port and runs the
 * start command through the {@link Launcher} with the instance's output in the app's log (a start that cannot happen
 * is a crash); a stop takes the instance out of the router, lets the requests in flight there finish
 * ({@link InFlight}), then stops the process gracefully (SIGTERM, SIGKILL after the stop timeout) on its own thread.
 */
final class InstanceStarter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceStarter.class);

    private final DropletCache droplets;
    private final AppLogs logs;
    private final InstanceCrashes crashes;
    private final InFlight inFlight;
    private final Path root;
    private final Duration stopTimeout;
    private final ExecutorService stopper = Executors.newCachedThreadPool(
            InstanceSupervisor.daemon("capi-instance-stop"));

    InstanceStarter(DropletCache droplets, AppLogs logs, InstanceCrashes crashes, InFlight inFlight, Path root,
                    Duration stopTimeout) {
        this.droplets = droplets;
        this.logs = logs;
        this.crashes = crashes;
        this.inFlight = inFlight;
        this.root = root;
        this.stopTimeout = stopTimeout;
    }

    /** Starts the slot's instance (the caller holds the slot's monitor); it is STARTING until healthy. */
    void launch(DesiredProcess d, InstanceSlot slot, Instant now) {
        slot.instanceGuid = UUID.randomUUID().toString();
        slot.dir = root.resolve(d.processGuid()).resolve(Integer.toString(slot.index));
        slot.state = InstanceState.STARTING;
        slot.since = now;
        slot.details = null;
        InstanceSlot.cell(logs, d, slot, "Creating container for app with guid " + d.appGuid());
        try {
            if (d.command() == null || d.command().isBlank()) {
                throw new IllegalStateException("the process has no start command");
            }
            if (!droplets.unpack(d.dropletGuid(), slot.dir)) {
                throw new IllegalStateException("droplet " + d.dropletGuid() + " has no bits");
            }
            slot.port = freePort();
            inFlight.open(slot.port);
            var env = Launcher.environment(d.environment(), new Launcher.Instance(slot.dir, slot.index,
                    slot.instanceGuid, slot.port, d.memoryInMb()));
            String source = "APP/PROC/" + d.type().toUpperCase(Locale.ROOT);
            String index = Integer.toString(slot.index);
            slot.launchedNanos = System.nanoTime();
            slot.process = ChildProcesses.start(Launcher.command(d.command()), slot.dir.resolve("app"), env,
                    line -> logs.append(d.appGuid(), source, index, line, false),
                    line -> logs.append(d.appGuid(), source, index, line, true), "capi-app-io");
            InstanceSlot.cell(logs, d, slot, "Starting health monitoring of container");
        } catch (RuntimeException e) {
            LOG.warn("cannot start instance {} of process {}: {}", slot.index, d.processGuid(), e.getMessage());
            InstanceSlot.cell(logs, d, slot, "Failed to start: " + e.getMessage());
            crashes.crash(d, slot, -1, "failed to start: " + e.getMessage());
        }
    }

    /**
     * Marks the slot stopped (no longer routable) and, on another thread, lets the requests the router has in flight
     * there finish before it stops the process gracefully and deletes the instance's directory.
     */
    void stop(InstanceSlot slot) {
        synchronized (slot) {
            slot.stopped = true;
            slot.state = InstanceState.STOPPING;
            Process process = slot.process;
            Path dir = slot.dir;
            int port = slot.port;
            if (process != null) {
                stopper.execute(() -> {
                    try {
                        if (port > 0) {
                            inFlight.drain(port, stopTimeout);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ChildProcesses.kill(process.toHandle(), stopTimeout);
                    if (dir != null) {
                        Workspace.delete(dir);
                    }
                });
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (within the stop timeout and a margin) for the stops under way. */
    @Override
    public void close() {
        stopper.shutdown();
        try {
            stopper.awaitTermination(2 * stopTimeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
