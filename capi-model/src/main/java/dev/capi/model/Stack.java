package dev.capi.model;

import java.time.Instant;

/** A stack: the base image apps stage and run on, with its lifecycle state (ACTIVE, DEPRECATED, ...). */
public record Stack(String guid, Instant createdAt, Instant updatedAt, String name, String description,
                    String buildRootfsImage, String runRootfsImage, boolean isDefault, StackState state,
                    String stateReason, Metadata metadata) {
    public Stack withMetadata(Metadata m) {
        return new Stack(guid, createdAt, updatedAt, name, description, buildRootfsImage, runRootfsImage, isDefault,
                state, stateReason, m);
    }
}
