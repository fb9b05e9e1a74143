package dev.capi.domain.jobs;

import dev.capi.model.Job;

import java.time.Instant;
import java.util.Optional;

/** Port: the jobs table and the queue that hands its jobs to the nodes that run them. */
public interface JobRepository {
    /**
     * Inserts the job and queues it to run on some node, both in the caller's transaction: the job runs only if the
     * request that enqueued it commits, and it runs once even when several nodes share the database.
     */
    void insert(Job job);

    Optional<Job> find(String guid);

    void update(Job job);

    /** Deletes finished jobs last updated before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
