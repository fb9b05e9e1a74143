package dev.capi.model;

import java.time.Instant;

/** A space inside an organization. */
public record Space(String guid, Instant createdAt, Instant updatedAt, String name, String organizationGuid,
                    boolean suspended, boolean allowSsh, String quotaGuid, String isolationSegmentGuid,
                    Metadata metadata) {
    public Space withMetadata(Metadata m) {
        return new Space(guid, createdAt, updatedAt, name, organizationGuid, suspended, allowSsh, quotaGuid,
                isolationSegmentGuid, m);
    }
}
