package dev.capi.model;

import java.time.Instant;

/**
 * A binding's {@code last_operation}: type {@code create} or {@code delete}, state {@code initial}, {@code in progress},
 * {@code succeeded} or {@code failed}, the broker's description (may be null) and when it started and last changed.
 */
public record BindingOperation(String type, String state, String description, Instant createdAt, Instant updatedAt) {
    public static final String CREATE = "create";
    public static final String DELETE = "delete";
    public static final String INITIAL = "initial";
    public static final String IN_PROGRESS = "in progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean is(String wantedType, String wantedState) {
        return wantedType.equals(type) && wantedState.equals(state);
    }

    /** Initial or in progress: a broker call or poll is under way. */
    public boolean inProgress() {
        return INITIAL.equals(state) || IN_PROGRESS.equals(state);
    }

    public BindingOperation next(String newType, String newState, String newDescription, Instant at) {
        Instant created = newType.equals(type) && !INITIAL.equals(state) ? createdAt : at;
        return new BindingOperation(newType, newState, newDescription, created, at);
    }
}
