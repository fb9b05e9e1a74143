package dev.capi.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A droplet: the staged, runnable form of an app (a tarball in the blobstore, or a docker image), with the process
 * types and execution metadata staging found, and its state (AWAITING_UPLOAD, PROCESSING_UPLOAD, STAGING, COPYING,
 * STAGED, FAILED, EXPIRED). {@code buildGuid} is the build that staged it (null for uploaded or copied droplets).
 */
public record Droplet(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                      String organizationGuid, String packageGuid, String buildGuid, String state, String error,
                      String lifecycleType, Map<String, String> processTypes, String executionMetadata,
                      List<String> buildpacks, String stack, String image, String sha1, String sha256,
                      String blobKey, Metadata metadata) {
    public static final String AWAITING_UPLOAD = "AWAITING_UPLOAD";
    public static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";
    public static final String STAGING = "STAGING";
    public static final String COPYING = "COPYING";
    public static final String STAGED = "STAGED";
    public static final String FAILED = "FAILED";
    public static final String EXPIRED = "EXPIRED";

    public Droplet {
        processTypes = processTypes == null ? Map.of() : Map.copyOf(processTypes);
        buildpacks = buildpacks == null ? List.of() : List.copyOf(buildpacks);
    }

    public Droplet withMetadata(Metadata m) {
        return new Droplet(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, packageGuid, buildGuid,
                state, error, lifecycleType, processTypes, executionMetadata, buildpacks, stack, image, sha1, sha256,
                blobKey, m);
    }

    public Droplet withState(String newState, String newError, Instant at) {
        return new Droplet(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, packageGuid, buildGuid,
                newState, newError, lifecycleType, processTypes, executionMetadata, buildpacks, stack, image, sha1,
                sha256, blobKey, metadata);
    }

    public Droplet withBits(String newSha1, String newSha256, String key, Instant at) {
        return new Droplet(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, packageGuid, buildGuid, state,
                error, lifecycleType, processTypes, executionMetadata, buildpacks, stack, image, newSha1, newSha256,
                key, metadata);
    }

    /** What staging found: process types, execution metadata, buildpacks, stack (or image); state STAGED. */
    public Droplet staged(Map<String, String> types, String execution, List<String> detected, String newStack,
                          String newImage, Instant at) {
        return new Droplet(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, packageGuid, buildGuid, STAGED,
                null, lifecycleType, types, execution, detected, newStack, newImage, sha1, sha256, blobKey,
                metadata);
    }
}
