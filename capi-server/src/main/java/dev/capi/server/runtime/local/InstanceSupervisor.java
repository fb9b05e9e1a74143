package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the desired instances of every process running: a monitor (every 200 ms, and at once after a change) starts
 * missing instances ({@link InstanceStarter}), health-checks starting ones ({@link InstanceHealth}) and notices exits
 * ({@link InstanceCrashes}); it answers what runs where and what it uses.
 */
final class InstanceSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceSupervisor.class);
    private static final long MB = 1024L * 1024L;

    private final InstanceStarter starter;
    private final InstanceHealth health;
    private final InstanceCrashes crashes;
    private final Clock clock;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            daemon("capi-instance-monitor"));

    InstanceSupervisor(DropletCache droplets, AppLogs logs, ReportOutbox outbox, Path root, Duration stopTimeout,
                       Clock clock, InFlight inFlight) {
        this.clock = clock;
        this.crashes = new InstanceCrashes(logs, outbox, clock);
        this.health = new InstanceHealth(logs, crashes);
        this.starter = new InstanceStarter(droplets, logs, crashes, inFlight, root, stopTimeout);
        monitor.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The instances of one process version. */
    private static final class Group {
        volatile DesiredProcess desired;
        final Map<Integer, InstanceSlot> slots = new ConcurrentSkipListMap<>();

        Group(DesiredProcess desired) {
            this.desired = desired;
        }
    }

    /** Makes the process's instances match: a new version replaces every instance; extra indexes stop. */
    synchronized void desire(DesiredProcess p) {
        Group group = groups.get(p.processGuid());
        if (group != null && !group.desired.version().equals(p.version())) {
            groups.remove(p.processGuid());
            group.slots.values().forEach(starter::stop);
            group = null;
        }
        if (group == null) {
            group = new Group(p);
            groups.put(p.processGuid(), group);
        } else {
            group.desired = p;
        }
        for (int i = 0; i < p.instances(); i++) {
            group.slots.computeIfAbsent(i, index -> new InstanceSlot(index, now()));
        }
        for (Integer index : List.copyOf(group.slots.keySet())) {
            if (index >= p.instances()) {
                starter.stop(group.slots.remove(index));
            }
        }
        monitor.execute(this::tick);
    }

    synchronized void stopProcess(String processGuid) {
        Group group = groups.remove(processGuid);
        if (group != null) {
            group.slots.values().forEach(starter::stop);
        }
    }

    /** Stops one instance; a fresh one takes its index. */
    synchronized boolean stopInstance(String processGuid, int index) {
        Group group = groups.get(processGuid);
        InstanceSlot slot = group == null ? null : group.slots.get(index);
        if (slot == null) {
            return false;
        }
        group.slots.put(index, new InstanceSlot(index, now()));
        starter.stop(slot);
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
        for (InstanceSlot slot : group.slots.values()) {
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
                for (InstanceSlot slot : group.slots.values()) {
                    synchronized (slot) {
                        if (slot.routable()) {
                            ports.add(slot.port);
                        }
                    }
                }
            }
        }
        return ports;
    }

    private InstanceReport report(DesiredProcess d, InstanceSlot slot) {
        InstanceReport.Usage usage = null;
        if (slot.process != null && slot.process.isAlive()) {
            ProcessHandle handle = slot.process.toHandle();
            double cpu = slot.usage.cpu(handle);
            usage = new InstanceReport.Usage(now(), cpu, cpu, ProcessUsage.memory(handle),
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
            for (Group group : groups.values()) {
                for (InstanceSlot slot : group.slots.values()) {
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

    /** One look at one slot: start it when it may, notice its exit, check its health, forgive old crashes. */
    private void step(DesiredProcess d, InstanceSlot slot) {
        Instant now = now();
        if (slot.process == null) {
            if (crashes.mayStart(slot, now)) {
                starter.launch(d, slot, now);
            }
        } else if (!slot.process.isAlive()) {
            int code = slot.process.exitValue();
            crashes.crash(d, slot, code, "APP/PROC/" + d.type().toUpperCase(java.util.Locale.ROOT)
                    + ": Exited with status " + code);
        } else if (slot.state == InstanceState.STARTING) {
            health.check(d, slot, now);
        } else {
            crashes.forgiveStableRun(slot, now);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops every instance (drained, SIGTERM, then SIGKILL after the stop timeout) and waits for them. */
    @Override
    public void close() {
        monitor.shutdownNow();
        synchronized (this) {
            groups.values().forEach(g -> g.slots.values().forEach(starter::stop));
            groups.clear();
        }
        starter.close();
    }
}
