package dev.capi.model;

import java.time.Instant;

/** An isolation segment: a named set of cells that orgs are entitled to and spaces are placed on. */
public record IsolationSegment(String guid, Instant createdAt, Instant updatedAt, String name, Metadata metadata) {
    /** The guid of the segment every foundation has (the reference's {@code SHARED_ISOLATION_SEGMENT_GUID}). */
    public static final String SHARED_GUID = "933b4c58-120b-499a-b85d-4b6fc9e2903b";

    public IsolationSegment withMetadata(Metadata m) {
        return new IsolationSegment(guid, createdAt, updatedAt, name, m);
    }

    public boolean isShared() {
        return SHARED_GUID.equals(guid);
    }
}
