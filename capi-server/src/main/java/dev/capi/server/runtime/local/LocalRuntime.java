package dev.capi.server.runtime.local;

import dev.capi.domain.runtime.DesiredProcess;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.StagingRequest;
import dev.capi.domain.runtime.TaskRequest;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A runtime on the server's own machine: stages builds with V2 buildpacks, runs each instance and task as a child
 * process, and posts what happened to a {@link ReportOutbox} that {@link ReportDelivery} hands to the Cloud
 * Controller the way an external runtime reports on the internal API.
 */
public final class LocalRuntime implements Runtime, AutoCloseable {
    private final LocalRuntimeSettings settings;
    private final AppLogs logs;
    private final ReportOutbox outbox = new ReportOutbox();
    private final InFlight inFlight = new InFlight();
    private final Stager stager;
    private final InstanceSupervisor instances;
    private final TaskRunner tasks;
    private final ExecutorService staging = Executors.newFixedThreadPool(2,
            InstanceSupervisor.daemon("capi-staging"));

    public LocalRuntime(LocalRuntimeSettings settings, RuntimeBits bits, Clock clock) {
        this.settings = settings;
        this.logs = new AppLogs(settings.logLinesPerApp(), clock);
        var root = settings.root();
        Workspace.delete(root.resolve("staging"));
        Workspace.delete(root.resolve("instances"));
        Workspace.delete(root.resolve("tasks"));
        Workspace.delete(root.resolve("droplets"));
        Workspace.createDirectories(root.resolve("staging"), root.resolve("droplets"), root.resolve("instances"),
                root.resolve("tasks"));
        DropletCache droplets = new DropletCache(bits, root.resolve("droplets"));
        this.stager = new Stager(bits, logs, root.resolve("staging"), settings.stagingTimeout());
        this.instances = new InstanceSupervisor(droplets, logs, outbox, root.resolve("instances"),
                settings.stopTimeout(), clock, inFlight);
        this.tasks = new TaskRunner(droplets, logs, outbox, root.resolve("tasks"), settings.stopTimeout());
    }

    public LocalRuntimeSettings settings() {
        return settings;
    }

    /** The staging and instance output kept per app. */
    public AppLogs logs() {
        return logs;
    }

    /** The router's requests in flight per instance port (instances drain them before they stop). */
    InFlight inFlight() {
        return inFlight;
    }

    ReportOutbox outbox() {
        return outbox;
    }

    @Override
    public void stage(StagingRequest request) {
        logs.append(request.appGuid(), Stager.SOURCE_TYPE, "0", "Staging build " + request.buildGuid(), false);
        staging.execute(() -> outbox.post(stager.stage(request)));
    }

    @Override
    public void desire(DesiredProcess process) {
        instances.desire(process);
    }

    @Override
    public void stop(String processGuid) {
        instances.stopProcess(processGuid);
    }

    @Override
    public boolean stopInstance(String processGuid, int index) {
        return instances.stopInstance(processGuid, index);
    }

    @Override
    public void runTask(TaskRequest task) {
        tasks.run(task);
    }

    @Override
    public void cancelTask(String taskGuid) {
        tasks.cancel(taskGuid);
    }

    @Override
    public List<InstanceReport> instances(String processGuid) {
        return instances.instances(processGuid);
    }

    /** Where the router may send a request for the app's process type: the ports of its RUNNING instances. */
    public List<Integer> routablePorts(String appGuid, String processType) {
        return instances.routablePorts(appGuid, processType);
    }

    /** Stops staging, tasks and every instance (gracefully, within the stop timeout). */
    @Override
    public void close() {
        staging.shutdownNow();
        tasks.close();
        instances.close();
        try {
            staging.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
