package dev.capi.model;

import java.time.Instant;

/**
 * A one-off task run from an app's droplet: its per-app sequence id, name, command and resources, and its state
 * (PENDING, RUNNING, SUCCEEDED, FAILED, CANCELING) with the failure reason when it failed.
 */
public record Task(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                   String organizationGuid, int sequenceId, String name, String command, String user, String state,
                   long memoryInMb, long diskInMb, long logRateLimit, String dropletGuid, String failureReason,
                   Metadata metadata) {
    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String CANCELING = "CANCELING";

    public Task withMetadata(Metadata m) {
        return new Task(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, sequenceId, name, command,
                user, state, memoryInMb, diskInMb, logRateLimit, dropletGuid, failureReason, m);
    }

    public Task withState(String newState, String reason, Instant at) {
        return new Task(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, sequenceId, name, command, user,
                newState, memoryInMb, diskInMb, logRateLimit, dropletGuid, reason, metadata);
    }
}
