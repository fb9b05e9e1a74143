package dev.capi.domain.jobs;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Claims and runs jobs on a background thread. Claiming goes through the repository (row locks), so any number of
 * nodes may run a worker against one database; nothing held in memory decides which node runs what.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    private final JobRepository repository;
    private final Transactions transactions;
    private final Map<String, JobHandler> handlers;
    private final Clock clock;
    private final String nodeId;
    private final long pollMillis;
    private final JobWakeUp wakeUp;
    private volatile boolean running;
    private Thread thread;

    public JobWorker(JobRepository repository, Transactions transactions, List<JobHandler> handlers, Clock clock,
                     String nodeId, long pollMillis, JobWakeUp wakeUp) {
        this.wakeUp = wakeUp;
        this.repository = repository;
        this.transactions = transactions;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::operation, Function.identity()));
        this.clock = clock;
        this.nodeId = nodeId;
        this.pollMillis = pollMillis;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "capi-job-worker");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                if (!runOne()) {
                    wakeUp.await(pollMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job worker loop failed", e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims and runs one job; returns false when there was none. Public for tests that drive jobs by hand. */
    public boolean runOne() {
        var claimed = transactions.inTransaction(() -> repository.claimNext(nodeId, clock.instant()));
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        JobHandler handler = handlers.get(job.operation());
        try {
            if (handler == null) {
                throw CfException.of(CfError.InternalServerError, "No handler for job operation " + job.operation());
            }
            transactions.run(() -> handler.perform(job));
            if (handedOffToPolling(job)) {
                return true;
            }
            finish(job, JobState.COMPLETE, List.of());
        } catch (CfException e) {
            recover(handler, job);
            finish(job, JobState.FAILED, List.of(new Job.JobError(e.kind().code(), e.kind().title(), e.detail())));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + job.guid() + " (" + job.operation() + ") failed", e);
            recover(handler, job);
            finish(job, JobState.FAILED, List.of(new Job.JobError(CfError.UnknownError.code(),
                    CfError.UnknownError.title(), CfError.UnknownError.detail())));
        }
        return true;
    }

    private void recover(JobHandler handler, Job job) {
        if (handler == null) {
            return;
        }
        try {
            transactions.run(() -> handler.recoverFromFailure(job));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "job " + job.guid() + " (" + job.operation() + ") could not recover", e);
        }
    }

    /**
     * The handler marked the job POLLING (see {@link Jobs#markPolling}): its work goes on elsewhere; or it failed
     * the job itself ({@link Jobs#fail}) so that what it wrote about the failure is kept with the job's error.
     */
    private boolean handedOffToPolling(Job job) {
        return transactions.inTransaction(() -> repository.find(job.guid()))
                .map(current -> current.state() == JobState.POLLING || current.state() == JobState.FAILED)
                .orElse(false);
    }

    private void finish(Job job, JobState state, List<Job.JobError> errors) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.run(() -> repository.update(new Job(job.guid(), job.createdAt(), now, job.operation(), state,
                job.resourceType(), job.resourceGuid(), errors, job.warnings())));
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
