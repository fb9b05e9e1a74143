package dev.capi.model;

/** The states of an asynchronous job. */
public enum JobState {
    PROCESSING, POLLING, COMPLETE, FAILED
}
