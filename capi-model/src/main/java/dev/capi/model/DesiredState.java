package dev.capi.model;

/** What an app or a process should be doing: STARTED or STOPPED (the reference's {@code desired_state}/{@code state}). */
public enum DesiredState {
    STARTED, STOPPED
}
