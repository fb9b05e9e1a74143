package dev.capi.domain.securitygroups;

/** The two phases a security group applies to: running apps and staging apps. */
public enum Lifecycle {
    RUNNING, STAGING;

    /** {@code running_spaces} / {@code staging_spaces}. */
    public String relationship() {
        return name().toLowerCase() + "_spaces";
    }
}
