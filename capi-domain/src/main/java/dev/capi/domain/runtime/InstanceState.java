package dev.capi.domain.runtime;

/** The state of one running instance as the reference reports it. */
public enum InstanceState {
    RUNNING, STARTING, CRASHED, STOPPING, DOWN, UNKNOWN
}
