package dev.capi.model;

import java.time.Instant;

/** A Cloud Controller user; username and origin are null for clients and unknown identities. */
public record User(String guid, Instant createdAt, Instant updatedAt, String username, String presentationName,
                   String origin, Metadata metadata) {
    public User withMetadata(Metadata m) {
        return new User(guid, createdAt, updatedAt, username, presentationName, origin, m);
    }
}
