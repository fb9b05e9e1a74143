package dev.capi.model;

import java.time.Instant;
import java.util.List;

/** An asynchronous job: its operation, the resource it acts on, its state and its errors and warnings. */
public record Job(String guid, Instant createdAt, Instant updatedAt, String operation, JobState state,
                  String resourceType, String resourceGuid, List<JobError> errors, List<String> warnings) {

    /** An error as shown in the job's {@code errors} array. */
    public record JobError(int code, String title, String detail) {
    }
}
