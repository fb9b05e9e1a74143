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

    /**
     * As {@link #insert(Job)}, queued to run no earlier than {@code runAt} (a job that waits on something outside the
     * database, such as a deployment waiting for its instances to become healthy). Stores that cannot delay run it
     * as soon as they can.
     */
    default void insert(Job job, java.time.Instant runAt) {
        insert(job);
    }

    Optional<Job> find(String guid);

    void update(Job job);

    /** Deletes finished jobs last updated before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
