package dev.capi.server;

import dev.capi.domain.assembly.Sweepers;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.domain.jobs.JobWorker;
import dev.capi.domain.events.Pruning;
import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.support.Transactions;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What runs beside the requests: the job worker, the hourly pruning of old audit events and jobs, and the sweepers
 * (pending packages and builds, every sweep interval; orphan blobs, every orphan blobs interval; both also at start).
 */
final class BackgroundWork implements AutoCloseable {
    private final JobWorker worker;
    private final Pruning pruning;
    private final Sweepers sweepers;
    private final List<Poller> pollers;
    private final long pollTickMillis;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capi-maintenance");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService brokerPolling = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capi-broker-poller");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code pollers} follow asynchronous broker operations; they run every {@code pollTick} (kept between 50 ms and
     * one second, as each poller only handles what is due) on their own thread, since brokers may answer slowly.
     */
    BackgroundWork(JobRepository jobs, AuditEventRepository auditEvents, Transactions transactions,
                   List<JobHandler> handlers, Clock clock, long jobPollMillis, JobWakeUp wakeUp, Sweepers sweepers,
                   List<Poller> pollers, Duration pollTick) {
        this.pollers = List.copyOf(pollers);
        this.pollTickMillis = Math.max(50, Math.min(1000, pollTick.toMillis()));
        this.worker = new JobWorker(jobs, transactions, handlers, clock, "node-" + UUID.randomUUID(), jobPollMillis,
                wakeUp);
        this.pruning = new Pruning(auditEvents, jobs, transactions, clock);
        this.sweepers = sweepers;
    }

    /**
     * Work that follows brokers (last_operation polls of instances, bindings): each pass handles what is due and
     * returns how many it handled.
     */
    record Poller(String name, IntSupplier pollDue) {
    }

    void start() {
        worker.start();
        maintenance.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
        maintenance.scheduleWithFixedDelay(this::sweepPending, 0, sweepers.settings().interval().toMillis(),
                TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::sweepOrphanBlobs, 0,
                sweepers.settings().orphanBlobsInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (!pollers.isEmpty()) {
            brokerPolling.scheduleWithFixedDelay(this::poll, 0, pollTickMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        for (Poller p : pollers) {
            guarded(p.name() + " polling", () -> report(p.name() + " polls", p.pollDue().getAsInt()));
        }
    }

    /** Runs every sweeper once, now, on the calling thread (what the schedule runs). */
    void sweep() {
        sweepPending();
        sweepOrphanBlobs();
    }

    private void sweepPending() {
        guarded("pending packages sweep", () -> report("packages failed after their expiration",
                sweepers.pendingPackages().sweep()));
        guarded("pending builds sweep", () -> report("builds failed with StagingTimeExpired",
                sweepers.pendingBuilds().sweep()));
    }

    private void sweepOrphanBlobs() {
        guarded("orphan blobs sweep", () -> report("orphan blobs deleted", sweepers.orphanBlobs().sweep()));
    }

    private static void report(String what, int count) {
        if (count > 0) {
            LoggerFactory.getLogger(BackgroundWork.class).info("{}: {}", what, count);
        }
    }

    /** A sweep that fails is logged and tried again next time; it never stops the schedule. */
    private static void guarded(String name, Runnable sweep) {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BackgroundWork.class).warn(name + " failed", e);
        }
    }

    private void prune() {
        try {
            pruning.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BackgroundWork.class).warn("pruning failed", e);
        }
    }

    @Override
    public void close() {
        brokerPolling.shutdownNow();
        maintenance.shutdownNow();
        worker.close();
    }
}
