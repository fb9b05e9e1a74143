package dev.capi.model;

import java.time.Instant;

/**
 * A process of an app (one per type; the {@code web} process shares the app's guid): what runs, how many instances
 * with which resources, how its health and readiness are checked, and its state. {@code version} changes whenever
 * the running instances must be replaced. {@code spaceGuid} and {@code organizationGuid} are the app's, read with the
 * process (not stored on it).
 */
public record AppProcess(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                         String organizationGuid, String type, String command, String user, int instances,
                         long memoryInMb, long diskInMb, long logRateLimit, HealthCheck healthCheck,
                         HealthCheck readinessCheck, DesiredState state, String version, String revisionGuid,
                         Metadata metadata) {
    public static final String WEB = "web";
    /** The log rate of a process without a limit. */
    public static final long UNLIMITED_LOG_RATE = -1;

    /**
     * A health or readiness check: {@code port}, {@code process} or {@code http} (with its endpoint); timeouts and
     * interval in seconds, null when not set ({@code timeout} is not used by readiness checks).
     */
    public record HealthCheck(String type, String endpoint, Integer timeout, Integer invocationTimeout,
                              Integer interval) {
        public static final String PORT = "port";
        public static final String PROCESS = "process";
        public static final String HTTP = "http";

        public static HealthCheck of(String type) {
            return new HealthCheck(type, null, null, null, null);
        }
    }

    /**
     * The key of the process's labels and annotations: {@code process:<guid>}, because the web process shares its
     * app's guid and the app's metadata is keyed by that guid.
     */
    public static String metadataKey(String processGuid) {
        return "process:" + processGuid;
    }

    public String metadataKey() {
        return metadataKey(guid);
    }

    public boolean started() {
        return state == DesiredState.STARTED;
    }

    public boolean isWeb() {
        return WEB.equals(type);
    }

    public AppProcess withMetadata(Metadata m) {
        return new AppProcess(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, type, command, user,
                instances, memoryInMb, diskInMb, logRateLimit, healthCheck, readinessCheck, state, version,
                revisionGuid, m);
    }

    public AppProcess withRevision(String revision, Instant now) {
        return new AppProcess(guid, createdAt, now, appGuid, spaceGuid, organizationGuid, type, command, user,
                instances, memoryInMb, diskInMb, logRateLimit, healthCheck, readinessCheck, state, version, revision,
                metadata);
    }

    public AppProcess withState(DesiredState s, String newVersion, Instant now) {
        return new AppProcess(guid, createdAt, now, appGuid, spaceGuid, organizationGuid, type, command, user,
                instances, memoryInMb, diskInMb, logRateLimit, healthCheck, readinessCheck, s, newVersion,
                revisionGuid, metadata);
    }

    public AppProcess withScale(int newInstances, long memory, long disk, long logRate, String newVersion,
                                Instant now) {
        return new AppProcess(guid, createdAt, now, appGuid, spaceGuid, organizationGuid, type, command, user,
                newInstances, memory, disk, logRate, healthCheck, readinessCheck, state, newVersion, revisionGuid,
                metadata);
    }

    public AppProcess withSettings(String newCommand, String newUser, HealthCheck health, HealthCheck readiness,
                                   String newVersion, Instant now) {
        return new AppProcess(guid, createdAt, now, appGuid, spaceGuid, organizationGuid, type, newCommand, newUser,
                instances, memoryInMb, diskInMb, logRateLimit, health, readiness, state, newVersion, revisionGuid,
                metadata);
    }
}
