package dev.capi.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.capi.domain.assembly.Sweepers;
import dev.capi.domain.events.Pruning;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.persistence.Database;
import dev.capi.persistence.jobs.JdbiJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What runs beside the requests, on db-scheduler over the shared database: the jobs (one execution each, queued by
 * the jobs repository), and the periodic work — the hourly pruning of old audit events and jobs, the pending packages
 * and builds sweep (every sweep interval) and the orphan blobs sweep (every orphan blobs interval), each first run
 * when a node starts on a database that has no row for it, then that long after its last run ended. Each periodic
 * task is one row that one node at a time picks, so two nodes never run it at once; a node keeps the heartbeat of
 * what it runs, and when it dies another node revives its executions. Beside them, on their own thread of every
 * node, the broker pollers follow asynchronous broker operations (each claims the rows it polls, so nodes share the
 * work).
 */
final class BackgroundWork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    /** The periodic tasks' names, as their rows in {@code scheduled_tasks} show them. */
    static final String PRUNE = "capi-prune";
    static final String SWEEP_PENDING = "capi-sweep-pending";
    static final String SWEEP_ORPHAN_BLOBS = "capi-sweep-orphan-blobs";

    private final Scheduler scheduler;
    private final Pruning pruning;
    private final Sweepers sweepers;
    private final JobWakeUp wakeUp;
    private final Duration pollInterval;
    private final List<Poller> pollers;
    private final long pollTickMillis;
    private final ScheduledExecutorService brokerPolling = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capi-broker-poller");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private Thread relay;

    /**
     * Work that follows brokers (last_operation polls of instances, bindings): each pass handles what is due and
     * returns how many it handled.
     */
    record Poller(String name, IntSupplier pollDue) {
    }

    /**
     * {@code pollers} run every {@code pollTick} (kept between 50 ms and one second, as each poller only handles what
     * is due), on their own thread, since brokers may answer slowly.
     */
    BackgroundWork(Database database, JobRunner jobs, Pruning pruning, Sweepers sweepers, NodeSettings node,
                   JobWakeUp wakeUp, List<Poller> pollers, Duration pollTick) {
        this.pollers = List.copyOf(pollers);
        this.pollTickMillis = Math.max(50, Math.min(1000, pollTick.toMillis()));
        this.pruning = pruning;
        this.sweepers = sweepers;
        this.wakeUp = wakeUp;
        this.pollInterval = node.pollInterval();
        var job = Tasks.oneTime(JdbiJobRepository.TASK).execute((instance, context) -> jobs.run(instance.getId()));
        List<RecurringTask<Void>> periodic = List.of(
                recurring(PRUNE, Duration.ofHours(1), this::prune),
                recurring(SWEEP_PENDING, sweepers.settings().interval(), this::sweepPending),
                recurring(SWEEP_ORPHAN_BLOBS, sweepers.settings().orphanBlobsInterval(), this::sweepOrphanBlobs));
        this.scheduler = Scheduler.create(database.dataSource(), job)
                .startTasks(periodic)
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .pollingInterval(node.pollInterval())
                .heartbeatInterval(node.heartbeat())
                .missedHeartbeatsLimit(node.missedHeartbeats())
                .threads(node.jobThreads())
                .jdbcCustomization(database.isPostgres() ? new PostgreSqlJdbcCustomization(false, false)
                        : new DefaultJdbcCustomization(false))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    private static RecurringTask<Void> recurring(String name, Duration every, Runnable work) {
        return Tasks.recurring(name, FixedDelay.of(every)).execute((instance, context) -> work.run());
    }

    void start() {
        scheduler.start();
        running = true;
        relay = new Thread(this::relayWakeUps, "capi-job-wake-up");
        relay.setDaemon(true);
        relay.start();
        if (!pollers.isEmpty()) {
            brokerPolling.scheduleWithFixedDelay(this::poll, 0, pollTickMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        for (Poller p : pollers) {
            guarded(p.name() + " polling", p.name() + " polls", p.pollDue());
        }
    }

    /** A job enqueued on this node (and committed) makes the scheduler look for due work now, not at its next poll. */
    private void relayWakeUps() {
        while (running) {
            try {
                if (wakeUp.await(pollInterval.toMillis())) {
                    scheduler.triggerCheckForDueExecutions();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs every sweeper once, now, on the calling thread (what the schedule runs). */
    void sweep() {
        sweepPending();
        sweepOrphanBlobs();
    }

    private void sweepPending() {
        guarded("pending packages sweep", "packages failed after their expiration",
                () -> sweepers.pendingPackages().sweep());
        guarded("pending builds sweep", "builds failed with StagingTimeExpired", () -> sweepers.pendingBuilds().sweep());
    }

    private void sweepOrphanBlobs() {
        guarded("orphan blobs sweep", "orphan blobs deleted", () -> sweepers.orphanBlobs().sweep());
    }

    private void prune() {
        guarded("pruning", "old audit events and jobs pruned", pruning::run);
    }

    /** Periodic work that fails is logged and tried again next time; it never stops the schedule. */
    private static void guarded(String name, String whatCounts, IntSupplier work) {
        try {
            int count = work.getAsInt();
            if (count > 0) {
                LOG.info("{}: {}", whatCounts, count);
            }
        } catch (RuntimeException e) {
            LOG.warn(name + " failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        brokerPolling.shutdownNow();
        if (relay != null) {
            relay.interrupt();
        }
        if (scheduler.getSchedulerState().isStarted()) {
            scheduler.stop();
        }
    }
}
