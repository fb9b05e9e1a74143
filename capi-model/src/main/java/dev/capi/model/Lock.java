package dev.capi.model;

import java.time.Instant;

/** A lock on an app (seed extension): while it exists, the app cannot be deleted. */
public record Lock(String guid, Instant createdAt, Instant updatedAt, String title, String detail, String appGuid,
                   String spaceGuid, String organizationGuid, Metadata metadata) {
    public Lock withMetadata(Metadata m) {
        return new Lock(guid, createdAt, updatedAt, title, detail, appGuid, spaceGuid, organizationGuid, m);
    }
}
