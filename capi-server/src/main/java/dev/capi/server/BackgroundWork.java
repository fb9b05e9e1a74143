package dev.capi.server;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.domain.jobs.JobWorker;
import dev.capi.domain.events.Pruning;
import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.support.Transactions;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What runs beside the requests: the job worker, and the hourly pruning of old audit events and jobs. */
final class BackgroundWork implements AutoCloseable {
    private final JobWorker worker;
    private final Pruning pruning;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capi-maintenance");
        t.setDaemon(true);
        return t;
    });

    BackgroundWork(JobRepository jobs, AuditEventRepository auditEvents, Transactions transactions,
                   List<JobHandler> handlers, Clock clock, long jobPollMillis, JobWakeUp wakeUp) {
        this.worker = new JobWorker(jobs, transactions, handlers, clock, "node-" + UUID.randomUUID(), jobPollMillis,
                wakeUp);
        this.pruning = new Pruning(auditEvents, jobs, transactions, clock);
    }

    void start() {
        worker.start();
        maintenance.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
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
        maintenance.shutdownNow();
        worker.close();
    }
}
