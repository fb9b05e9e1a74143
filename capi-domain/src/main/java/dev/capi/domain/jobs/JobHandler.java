package dev.capi.domain.jobs;

import dev.capi.model.Job;

/** Performs the work of one job operation (e.g. {@code organization.delete}); throw CfException to fail the job. */
public interface JobHandler {
    String operation();

    void perform(Job job);
}
