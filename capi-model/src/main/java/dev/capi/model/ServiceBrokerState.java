package dev.capi.model;

/** A service broker's state, as the reference keeps it: synchronizing its catalog, available, or being deleted. */
public enum ServiceBrokerState {
    SYNCHRONIZING, SYNCHRONIZATION_FAILED, AVAILABLE, DELETE_IN_PROGRESS, DELETE_FAILED;

    /** Whether another operation is under way (the reference refuses updates then). */
    public boolean transitional() {
        return this == SYNCHRONIZING || this == DELETE_IN_PROGRESS;
    }
}
