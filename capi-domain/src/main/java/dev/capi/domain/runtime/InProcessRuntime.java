package dev.capi.domain.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A runtime that runs nothing: it keeps the desired instances in memory and reports each RUNNING from the moment it
 * was desired, so that start, scale and stats work end to end without a real runtime (tests, demos). Staging and
 * tasks are accepted and remembered; their results never arrive unless someone calls the internal API.
 */
public final class InProcessRuntime implements Runtime {
    private static final long MB = 1024L * 1024L;

    private final Clock clock;
    private final Map<String, Running> processes = new ConcurrentHashMap<>();
    private final Map<String, StagingRequest> staging = new ConcurrentHashMap<>();
    private final Map<String, TaskRequest> tasks = new ConcurrentHashMap<>();

    public InProcessRuntime(Clock clock) {
        this.clock = clock;
    }

    public InProcessRuntime() {
        this(Clock.systemUTC());
    }

    private record Running(DesiredProcess desired, List<Instant> since) {
    }

    @Override
    public void stage(StagingRequest request) {
        staging.put(request.buildGuid(), request);
    }

    @Override
    public void desire(DesiredProcess process) {
        Instant now = now();
        processes.compute(process.processGuid(), (guid, running) -> {
            List<Instant> since = new ArrayList<>();
            boolean sameVersion = running != null && running.desired().version().equals(process.version());
            for (int i = 0; i < process.instances(); i++) {
                since.add(sameVersion && i < running.since().size() ? running.since().get(i) : now);
            }
            return new Running(process, since);
        });
    }

    @Override
    public void stop(String processGuid) {
        processes.remove(processGuid);
    }

    @Override
    public boolean stopInstance(String processGuid, int index) {
        Running running = processes.get(processGuid);
        if (running == null || index < 0 || index >= running.since().size()) {
            return false;
        }
        synchronized (running) {
            running.since().set(index, now());
        }
        return true;
    }

    @Override
    public void runTask(TaskRequest task) {
        tasks.put(task.taskGuid(), task);
    }

    @Override
    public void cancelTask(String taskGuid) {
        tasks.remove(taskGuid);
    }

    @Override
    public List<InstanceReport> instances(String processGuid) {
        Running running = processes.get(processGuid);
        if (running == null) {
            return List.of();
        }
        DesiredProcess d = running.desired();
        Instant now = now();
        List<InstanceReport> reports = new ArrayList<>();
        synchronized (running) {
            for (int i = 0; i < running.since().size(); i++) {
                Instant since = running.since().get(i);
                reports.add(new InstanceReport(i, processGuid + "-" + i, InstanceState.RUNNING, since, true,
                        "127.0.0.1", "10.255.0." + (i + 2), List.of(new InstanceReport.Port(61000 + i, 8080, null,
                        null)), d.memoryInMb() * MB, d.diskInMb() * MB, d.logRateLimit(), d.fileDescriptors(),
                        d.isolationSegment(), null, new InstanceReport.Usage(now, 0.0, 0.0, 0, 0, 0)));
            }
        }
        return reports;
    }

    /** The processes this runtime currently runs (tests). */
    public Set<String> runningProcesses() {
        return Set.copyOf(processes.keySet());
    }

    /** What it was last asked to run for the process (tests). */
    public java.util.Optional<DesiredProcess> desired(String processGuid) {
        return java.util.Optional.ofNullable(processes.get(processGuid)).map(Running::desired);
    }

    /** The builds it was asked to stage (tests and a stager stand-in). */
    public Map<String, StagingRequest> stagingRequests() {
        return Map.copyOf(staging);
    }

    /** The tasks it was asked to run and that were not cancelled. */
    public Map<String, TaskRequest> taskRequests() {
        return Map.copyOf(tasks);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
