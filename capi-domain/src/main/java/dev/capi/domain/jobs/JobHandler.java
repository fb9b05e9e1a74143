package dev.capi.domain.jobs;

import dev.capi.model.Job;

/** Performs the work of one job operation (e.g. {@code organization.delete}); throw CfException to fail the job. */
public interface JobHandler {
    String operation();

    void perform(Job job);

    /**
     * Called in a transaction of its own after {@link #perform} failed (its transaction rolled back), to leave a
     * state the failure must not strand (the reference's {@code recover_from_failure}). Does nothing by default.
     */
    default void recoverFromFailure(Job job) {
    }
}
