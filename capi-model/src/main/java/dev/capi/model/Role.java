package dev.capi.model;

import java.time.Instant;

/** A role held by a user in an organization or (for space roles) a space; organizationGuid is always set. */
public record Role(String guid, Instant createdAt, Instant updatedAt, RoleType type, String userGuid,
                   String organizationGuid, String spaceGuid) {
}
