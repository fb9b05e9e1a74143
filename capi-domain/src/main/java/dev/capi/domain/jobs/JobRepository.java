package dev.capi.domain.jobs;

import dev.capi.model.Job;

import java.time.Instant;
import java.util.Optional;

/** Port: the jobs table. {@link #claimNext} must be safe across nodes sharing one database. */
public interface JobRepository {
    void insert(Job job);

    Optional<Job> find(String guid);

    /** Atomically claims the oldest PROCESSING job nobody holds, or returns empty. */
    Optional<Job> claimNext(String nodeId, Instant now);

    void update(Job job);

    /** Deletes finished jobs last updated before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
