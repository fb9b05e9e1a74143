package dev.capi.domain.fakes;

import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Jobs in a map (nothing runs them: tests that need a job's effect run its handler). */
public final class InMemoryJobs implements JobRepository {
    private final Map<String, Job> rows = new LinkedHashMap<>();

    /** How many jobs were enqueued. */
    public int count() {
        return rows.size();
    }

    /** Every job, oldest first. */
    public java.util.List<Job> all() {
        return java.util.List.copyOf(rows.values());
    }

    @Override
    public void insert(Job job) {
        rows.put(job.guid(), job);
    }

    /** The oldest job still PROCESSING, as a queue would hand it to a node. */
    public Optional<String> nextProcessing() {
        return rows.values().stream().filter(j -> j.state() == JobState.PROCESSING).map(Job::guid).findFirst();
    }

    /** Runs the oldest PROCESSING job with {@code runner}; false when there is none. */
    public boolean runNext(dev.capi.domain.jobs.JobRunner runner) {
        return nextProcessing().map(runner::run).orElse(false);
    }

    @Override
    public Optional<Job> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public void update(Job job) {
        rows.put(job.guid(), job);
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(j -> j.state() != JobState.PROCESSING && j.state() != JobState.POLLING
                && j.updatedAt().isBefore(cutoff));
        return before - rows.size();
    }
}
