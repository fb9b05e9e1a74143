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
 * Runs one job, given its guid by whatever queue hands jobs to this node, and records how it ended. A job that is no
 * longer PROCESSING is left alone: a node that died after finishing it may hand it over once more, and it must not run
 * twice. A job whose node died while it ran is run again from the start, so handlers leave the job's resource in a
 * state from which running again is harmless (each does its work in one transaction, or re-checks what is left).
 */
public final class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final JobRepository repository;
    private final Transactions transactions;
    private final Map<String, JobHandler> handlers;
    private final Clock clock;

    public JobRunner(JobRepository repository, Transactions transactions, List<JobHandler> handlers, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::operation, Function.identity()));
        this.clock = clock;
    }

    /** Runs the job with this guid unless it is gone or already finished; returns whether it ran. */
    public boolean run(String guid) {
        var found = repository.find(guid);
        if (found.isEmpty() || found.get().state() != JobState.PROCESSING) {
            return false;
        }
        Job job = found.get();
        JobHandler handler = handlers.get(job.operation());
        try {
            if (handler == null) {
                throw CfException.of(CfError.InternalServerError, "No handler for job operation " + job.operation());
            }
            transactions.run(() -> handler.perform(job));
            if (handedOff(job)) {
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

    /** Lets a failed handler leave a state its rolled-back transaction could not (its own transaction). */
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
    private boolean handedOff(Job job) {
        return transactions.inTransaction(() -> repository.find(job.guid()))
                .map(current -> current.state() == JobState.POLLING || current.state() == JobState.FAILED)
                .orElse(false);
    }

    private void finish(Job job, JobState state, List<Job.JobError> errors) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.run(() -> {
            List<String> warnings = repository.find(job.guid()).map(Job::warnings).orElse(job.warnings());
            repository.update(new Job(job.guid(), job.createdAt(), now, job.operation(), state, job.resourceType(),
                    job.resourceGuid(), errors, warnings));
        });
    }
}
