package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.TaskRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks as child processes from their droplet: exit 0 reports SUCCEEDED, anything else FAILED with
 * Diego's failure reason; a cancelled task is killed and reported FAILED "task was cancelled".
 */
final class TaskRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final DropletCache droplets;
    private final AppLogs logs;
    private final ReportOutbox outbox;
    private final Path root;
    private final Duration stopTimeout;
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(InstanceSupervisor.daemon("capi-task"));

    TaskRunner(DropletCache droplets, AppLogs logs, ReportOutbox outbox, Path root, Duration stopTimeout) {
        this.droplets = droplets;
        this.logs = logs;
        this.outbox = outbox;
        this.root = root;
        this.stopTimeout = stopTimeout;
    }

    void run(TaskRequest task) {
        threads.execute(() -> runNow(task));
    }

    void cancel(String taskGuid) {
        cancelled.add(taskGuid);
        Process process = running.get(taskGuid);
        if (process != null) {
            threads.execute(() -> ChildProcesses.kill(process.toHandle(), stopTimeout));
        }
    }

    private void runNow(TaskRequest task) {
        Path dir = root.resolve(task.taskGuid());
        String source = "APP/TASK/" + task.taskGuid();
        try {
            if (cancelled.contains(task.taskGuid())) {
                report(task, true, "task was cancelled");
                return;
            }
            if (!droplets.unpack(task.dropletGuid(), dir)) {
                report(task, true, "droplet " + task.dropletGuid() + " has no bits");
                return;
            }
            var env = Launcher.environment(task.environment(), new Launcher.Instance(dir, 0,
                    UUID.randomUUID().toString(), 0, task.memoryInMb()));
            logs.append(task.appGuid(), "CELL", "0", "Creating container for task " + task.taskGuid(), false);
            Process process = ChildProcesses.start(Launcher.command(task.command()), dir.resolve("app"), env,
                    line -> logs.append(task.appGuid(), source, "0", line, false),
                    line -> logs.append(task.appGuid(), source, "0", line, true), "capi-task-io");
            running.put(task.taskGuid(), process);
            if (cancelled.contains(task.taskGuid())) {
                ChildProcesses.kill(process.toHandle(), stopTimeout);
            }
            int code = process.waitFor();
            running.remove(task.taskGuid());
            if (cancelled.remove(task.taskGuid())) {
                report(task, true, "task was cancelled");
            } else {
                logs.append(task.appGuid(), "CELL", "0", "Exit status " + code, false);
                report(task, code != 0, code == 0 ? null : "Exited with status " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("task {} could not run", task.taskGuid(), e);
            report(task, true, "task could not start: " + e.getMessage());
        } finally {
            Workspace.delete(dir);
        }
    }

    private void report(TaskRequest task, boolean failed, String reason) {
        outbox.post(new RuntimeReport.TaskCompleted(task.taskGuid(), failed, reason));
    }

    @Override
    public void close() {
        running.values().forEach(p -> ChildProcesses.kill(p.toHandle(), stopTimeout));
        threads.shutdownNow();
        try {
            threads.awaitTermination(stopTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
