package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the desired instances of every process as child processes and keeps them there: a monitor starts missing
 * instances, health-checks starting ones, notices exits (crash report, restart after {@link RestartBackoff}), and
 * answers what runs where and what it uses.
 */
final class InstanceSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceSupervisor.class);
    private static final long MB = 1024L * 1024L;
    private static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);

    private final DropletCache droplets;
    private final AppLogs logs;
    private final ReportOutbox outbox;
    private final Path root;
    private final Duration stopTimeout;
    private final Clock clock;
    private final InFlight inFlight;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            daemon("capi-instance-monitor"));
    private final ExecutorService stopper = Executors.newCachedThreadPool(daemon("capi-instance-stop"));

    InstanceSupervisor(DropletCache droplets, AppLogs logs, ReportOutbox outbox, Path root, Duration stopTimeout,
                       Clock clock, InFlight inFlight) {
        this.inFlight = inFlight;
        this.droplets = droplets;
        this.logs = logs;
        this.outbox = outbox;
        this.root = root;
        this.stopTimeout = stopTimeout;
        this.clock = clock;
        monitor.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The instances of one process version. */
    private static final class Group {
        volatile DesiredProcess desired;
        final Map<Integer, Slot> slots = new ConcurrentSkipListMap<>();

        Group(DesiredProcess desired) {
            this.desired = desired;
        }
    }

    /** One instance index: what runs there now (nothing while it waits to start again). */
    private static final class Slot {
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

        Slot(int index, Instant now) {
            this.index = index;
            this.since = now;
        }
    }

    synchronized void desire(DesiredProcess p) {
        Group group = groups.get(p.processGuid());
        if (group != null && !group.desired.version().equals(p.version())) {
            groups.remove(p.processGuid());
            group.slots.values().forEach(this::stop);
            group = null;
        }
        if (group == null) {
            group = new Group(p);
            groups.put(p.processGuid(), group);
        } else {
            group.desired = p;
        }
        for (int i = 0; i < p.instances(); i++) {
            group.slots.computeIfAbsent(i, index -> new Slot(index, now()));
        }
        for (Integer index : List.copyOf(group.slots.keySet())) {
            if (index >= p.instances()) {
                stop(group.slots.remove(index));
            }
        }
        monitor.execute(this::tick);
    }

    synchronized void stopProcess(String processGuid) {
        Group group = groups.remove(processGuid);
        if (group != null) {
            group.slots.values().forEach(this::stop);
        }
    }

    /** Stops one instance; a fresh one takes its index. */
    synchronized boolean stopInstance(String processGuid, int index) {
        Group group = groups.get(processGuid);
        Slot slot = group == null ? null : group.slots.get(index);
        if (slot == null) {
            return false;
        }
        group.slots.put(index, new Slot(index, now()));
        stop(slot);
        monitor.execute(this::tick);
        return true;
    }

    List<InstanceReport> instances(String processGuid) {
        Group group = groups.get(processGuid);
        if (group == null) {
            return List.of();
        }
        DesiredProcess d = group.desired;
        List<InstanceReport> reports = new ArrayList<>();
        for (Slot slot : group.slots.values()) {
            synchronized (slot) {
                reports.add(report(d, slot));
            }
        }
        return reports;
    }

    /** The ports of the RUNNING instances of the app's processes of {@code type} (every version). */
    List<Integer> routablePorts(String appGuid, String type) {
        List<Integer> ports = new ArrayList<>();
        for (Group group : groups.values()) {
            DesiredProcess d = group.desired;
            if (d.appGuid().equals(appGuid) && d.type().equals(type)) {
                for (Slot slot : group.slots.values()) {
                    synchronized (slot) {
                        if (slot.state == InstanceState.RUNNING && slot.process != null) {
                            ports.add(slot.port);
                        }
                    }
                }
            }
        }
        return ports;
    }

    private InstanceReport report(DesiredProcess d, Slot slot) {
        Instant now = now();
        InstanceReport.Usage usage = null;
        if (slot.process != null && slot.process.isAlive()) {
            ProcessHandle handle = slot.process.toHandle();
            double cpu = slot.usage.cpu(handle);
            usage = new InstanceReport.Usage(now, cpu, cpu, ProcessUsage.memory(handle),
                    slot.dir == null ? 0 : Workspace.size(slot.dir), 0);
        }
        List<InstanceReport.Port> ports = slot.port > 0 ? List.of(new InstanceReport.Port(slot.port, slot.port, null,
                null)) : List.of();
        return new InstanceReport(slot.index, slot.instanceGuid, slot.state, slot.since,
                slot.state == InstanceState.RUNNING, "127.0.0.1", "127.0.0.1", ports, d.memoryInMb() * MB,
                d.diskInMb() * MB, d.logRateLimit(), d.fileDescriptors(), d.isolationSegment(), slot.details, usage);
    }

    private void tick() {
        try {
            for (Map.Entry<String, Group> entry : groups.entrySet()) {
                Group group = entry.getValue();
                for (Slot slot : group.slots.values()) {
                    synchronized (slot) {
                        if (!slot.stopped) {
                            step(group.desired, slot);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("instance monitor", e);
        }
    }

    private void step(DesiredProcess d, Slot slot) {
        Instant now = now();
        if (slot.process == null) {
            if (slot.restartAt == null || !now.isBefore(slot.restartAt)) {
                launch(d, slot);
            }
            return;
        }
        if (!slot.process.isAlive()) {
            int code = slot.process.exitValue();
            crash(d, slot, code, "APP/PROC/" + d.type().toUpperCase(Locale.ROOT) + ": Exited with status " + code);
            return;
        }
        if (slot.state == InstanceState.STARTING) {
            if (HealthCheck.passes(d.healthCheckType(), d.healthCheckEndpoint(), slot.port, slot.process)) {
                slot.state = InstanceState.RUNNING;
                slot.since = now;
                slot.runningSince = now;
                cell(d, slot, "Container became healthy");
            } else if (System.nanoTime() - slot.launchedNanos > healthTimeout(d).toNanos()) {
                String description = "Instance never healthy after " + healthTimeout(d).toSeconds() + "s: "
                        + d.healthCheckType() + " health check never passed.";
                cell(d, slot, description);
                ChildProcesses.kill(slot.process.toHandle(), Duration.ZERO);
                crash(d, slot, -1, description);
            }
        } else if (slot.crashCount > 0 && slot.runningSince != null
                && Duration.between(slot.runningSince, now).compareTo(RestartBackoff.RESET_AFTER) >= 0) {
            slot.crashCount = 0;
        }
    }

    private static Duration healthTimeout(DesiredProcess d) {
        return d.healthCheckTimeout() != null && d.healthCheckTimeout() > 0
                ? Duration.ofSeconds(d.healthCheckTimeout()) : DEFAULT_HEALTH_TIMEOUT;
    }

    private void launch(DesiredProcess d, Slot slot) {
        slot.instanceGuid = UUID.randomUUID().toString();
        slot.dir = root.resolve(d.processGuid()).resolve(Integer.toString(slot.index));
        slot.state = InstanceState.STARTING;
        slot.since = now();
        slot.details = null;
        cell(d, slot, "Creating container for app with guid " + d.appGuid());
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
            cell(d, slot, "Starting health monitoring of container");
        } catch (RuntimeException e) {
            LOG.warn("cannot start instance {} of process {}: {}", slot.index, d.processGuid(), e.getMessage());
            cell(d, slot, "Failed to start: " + e.getMessage());
            crash(d, slot, -1, "failed to start: " + e.getMessage());
        }
    }

    private void crash(DesiredProcess d, Slot slot, int exitStatus, String description) {
        Instant now = now();
        slot.process = null;
        slot.state = InstanceState.CRASHED;
        slot.since = now;
        slot.details = description;
        slot.crashCount++;
        slot.restartAt = now.plus(RestartBackoff.delay(slot.crashCount));
        cell(d, slot, "Container crashed: " + description);
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

    /**
     * Marks the slot stopped (no longer routable) and, on another thread, lets the requests the router has in flight
     * there finish before it stops the process gracefully.
     */
    private void stop(Slot slot) {
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

    private void cell(DesiredProcess d, Slot slot, String line) {
        logs.append(d.appGuid(), "CELL", Integer.toString(slot.index), line, false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops every instance (SIGTERM, then SIGKILL after the stop timeout) and waits for them. */
    @Override
    public void close() {
        monitor.shutdownNow();
        synchronized (this) {
            groups.values().forEach(g -> g.slots.values().forEach(this::stop));
            groups.clear();
        }
        stopper.shutdown();
        try {
            stopper.awaitTermination(stopTimeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
