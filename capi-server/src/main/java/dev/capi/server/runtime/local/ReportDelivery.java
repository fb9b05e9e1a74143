package dev.capi.server.runtime.local;

import dev.capi.domain.builds.Builds;
import dev.capi.domain.builds.StagingResult;
import dev.capi.domain.droplets.Droplets;
import dev.capi.domain.processes.ProcessCrashes;
import dev.capi.domain.tasks.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Hands the local runtime's reports to the domain through the calls the internal API makes for an external runtime:
 * the droplet upload then build completion, task completion, crash records. One thread, in the order posted.
 */
public final class ReportDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

    private final ReportOutbox outbox;
    private final Droplets droplets;
    private final Builds builds;
    private final Tasks tasks;
    private final ProcessCrashes crashes;
    private final Thread thread;
    private volatile boolean running = true;

    public ReportDelivery(LocalRuntime runtime, Droplets droplets, Builds builds, Tasks tasks,
                          ProcessCrashes crashes) {
        this.outbox = runtime.outbox();
        this.droplets = droplets;
        this.builds = builds;
        this.tasks = tasks;
        this.crashes = crashes;
        this.thread = new Thread(this::loop, "capi-runtime-reports");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                RuntimeReport report = outbox.take(250);
                if (report != null) {
                    deliver(report);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("a runtime report could not be delivered: {}", e.toString());
            }
        }
    }

    void deliver(RuntimeReport report) {
        if (report instanceof RuntimeReport.Staged s) {
            staged(s);
        } else if (report instanceof RuntimeReport.StagingFailed f) {
            builds.completed(f.buildGuid(), StagingResult.failure(f.failureReason()));
        } else if (report instanceof RuntimeReport.TaskCompleted t) {
            tasks.completed(t.taskGuid(), t.failed(), t.failureReason());
        } else if (report instanceof RuntimeReport.InstanceCrashed c) {
            crashes.record(c.processGuid(), c.payload());
        }
    }

    private void staged(RuntimeReport.Staged s) {
        try {
            try (InputStream bits = Files.newInputStream(s.droplet())) {
                droplets.stagerUpload(s.buildGuid(), bits, info -> true);
            }
            builds.completed(s.buildGuid(), s.result());
        } catch (IOException e) {
            builds.completed(s.buildGuid(), StagingResult.failure("droplet upload failed: " + e.getMessage()));
        } finally {
            try {
                Files.deleteIfExists(s.droplet());
            } catch (IOException e) {
                LOG.debug("droplet file left behind: {}", s.droplet());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
