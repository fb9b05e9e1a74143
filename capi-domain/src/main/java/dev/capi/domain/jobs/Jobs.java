package dev.capi.domain.jobs;

import dev.capi.domain.support.Guids;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Enqueues and reads jobs. Enqueue inside the transaction of the request that starts the work. */
public final class Jobs {
    private final JobRepository repository;
    private final Clock clock;
    private final Guids guids;

    public Jobs(JobRepository repository, Clock clock, Guids guids) {
        this.repository = repository;
        this.clock = clock;
        this.guids = guids;
    }

    public Job enqueue(String operation, String resourceType, String resourceGuid) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Job job = new Job(guids.next(), now, now, operation, JobState.PROCESSING, resourceType, resourceGuid,
                List.of(), List.of());
        repository.insert(job);
        return job;
    }

    public Optional<Job> find(String guid) {
        return repository.find(guid);
    }

    /**
     * Called by a handler whose work goes on after it returns (a broker answered 202): the job becomes POLLING and
     * the worker leaves it so; whoever follows the work up finishes it with {@link #complete} or {@link #fail}.
     */
    public void markPolling(Job job) {
        Job current = repository.find(job.guid()).orElse(job);
        repository.update(withState(current, JobState.POLLING, List.of()));
    }

    public void complete(String guid) {
        repository.find(guid).ifPresent(job -> repository.update(withState(job, JobState.COMPLETE, List.of())));
    }

    public void fail(String guid, Job.JobError error) {
        fail(guid, List.of(error));
    }

    /** Fails the job with several errors (the reference's compound error). */
    public void fail(String guid, List<Job.JobError> errors) {
        repository.find(guid).ifPresent(job -> repository.update(withState(job, JobState.FAILED, errors)));
    }

    /** Adds a warning to the job (shown in its {@code warnings}); a warning it already carries is not repeated. */
    public void warn(String guid, String detail) {
        repository.find(guid).filter(job -> !job.warnings().contains(detail)).ifPresent(job -> {
            var warnings = new java.util.ArrayList<>(job.warnings());
            warnings.add(detail);
            repository.update(new Job(job.guid(), job.createdAt(), job.updatedAt(), job.operation(), job.state(),
                    job.resourceType(), job.resourceGuid(), job.errors(), List.copyOf(warnings)));
        });
    }

    private Job withState(Job job, JobState state, List<Job.JobError> errors) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Job(job.guid(), job.createdAt(), now, job.operation(), state, job.resourceType(),
                job.resourceGuid(), errors, job.warnings());
    }
}
