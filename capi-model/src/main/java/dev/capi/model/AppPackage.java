package dev.capi.model;

import java.time.Instant;

/**
 * A package: an app's bits (a zip in the blobstore) or a docker image reference, and where it is in its life
 * (AWAITING_UPLOAD, PROCESSING_UPLOAD, READY, FAILED, COPYING, EXPIRED). Space and organization are copied from the
 * app for visibility and filters.
 */
public record AppPackage(String guid, Instant createdAt, Instant updatedAt, String appGuid, String spaceGuid,
                         String organizationGuid, String type, String state, String error, String sha1,
                         String sha256, String blobKey, String dockerImage, String dockerUsername,
                         String dockerPassword, Metadata metadata) {
    public static final String BITS = "bits";
    public static final String DOCKER = "docker";
    public static final String AWAITING_UPLOAD = "AWAITING_UPLOAD";
    public static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";
    public static final String READY = "READY";
    public static final String FAILED = "FAILED";
    public static final String COPYING = "COPYING";
    public static final String EXPIRED = "EXPIRED";

    public AppPackage withMetadata(Metadata m) {
        return new AppPackage(guid, createdAt, updatedAt, appGuid, spaceGuid, organizationGuid, type, state, error,
                sha1, sha256, blobKey, dockerImage, dockerUsername, dockerPassword, m);
    }

    public AppPackage withState(String newState, String newError, Instant at) {
        return new AppPackage(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, type, newState, newError,
                sha1, sha256, blobKey, dockerImage, dockerUsername, dockerPassword, metadata);
    }

    public AppPackage withBits(String newSha1, String newSha256, String key, Instant at) {
        return new AppPackage(guid, createdAt, at, appGuid, spaceGuid, organizationGuid, type, READY, null, newSha1,
                newSha256, key, dockerImage, dockerUsername, dockerPassword, metadata);
    }
}
