package dev.capi.model;

/** A stack's state: new apps and first builds are refused on RESTRICTED and DISABLED stacks. */
public enum StackState {
    ACTIVE, DEPRECATED, RESTRICTED, DISABLED
}
