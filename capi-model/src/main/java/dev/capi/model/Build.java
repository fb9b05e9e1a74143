package dev.capi.model;

import java.time.Instant;
import java.util.List;

/**
 * A build: staging one package into a droplet (STAGING, then STAGED or FAILED with an {@code error} such as
 * "NoAppDetectedError - ..."), with the lifecycle and staging resources asked for and who asked.
 */
public record Build(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                    String organizationGuid, String packageGuid, String dropletGuid, String state, String error,
                    String lifecycleType, List<String> buildpacks, String stack, long stagingMemoryInMb,
                    long stagingDiskInMb, long stagingLogRateLimit, String createdByGuid, String createdByName,
                    String createdByEmail, Metadata metadata) {
    public static final String STAGING = "STAGING";
    public static final String STAGED = "STAGED";
    public static final String FAILED = "FAILED";

    public Build {
        buildpacks = buildpacks == null ? List.of() : List.copyOf(buildpacks);
    }

    public Build withMetadata(Metadata m) {
        return new Build(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, packageGuid, dropletGuid,
                state, error, lifecycleType, buildpacks, stack, stagingMemoryInMb, stagingDiskInMb,
                stagingLogRateLimit, createdByGuid, createdByName, createdByEmail, m);
    }

    public Build withState(String newState, String newError, Instant at) {
        return new Build(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, packageGuid, dropletGuid,
                newState, newError, lifecycleType, buildpacks, stack, stagingMemoryInMb, stagingDiskInMb,
                stagingLogRateLimit, createdByGuid, createdByName, createdByEmail, metadata);
    }
}
