package dev.capi.model;

import java.time.Instant;

/**
 * Credentials for a container image registry, scoped to an organization or (then spaceGuid is set) a space. The
 * password is stored but never presented.
 */
public record RegistryCredential(String guid, Instant createdAt, Instant updatedAt, String location, String username,
                                 String password, String organizationGuid, String spaceGuid, Metadata metadata) {
    public RegistryCredential withMetadata(Metadata m) {
        return new RegistryCredential(guid, createdAt, updatedAt, location, username, password, organizationGuid,
                spaceGuid, m);
    }

    /** "space" or "organization". */
    public String scope() {
        return spaceGuid != null ? "space" : "organization";
    }
}
