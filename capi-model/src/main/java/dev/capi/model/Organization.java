package dev.capi.model;

import java.time.Instant;

/** An organization: the top of the tenancy tree. */
public record Organization(String guid, Instant createdAt, Instant updatedAt, String name, boolean suspended,
                           String quotaGuid, Metadata metadata) {
    public Organization withMetadata(Metadata m) {
        return new Organization(guid, createdAt, updatedAt, name, suspended, quotaGuid, m);
    }
}
