package dev.capi.domain.registrycredentials;

import dev.capi.model.MetadataUpdate;

/** The commands the registry credential use cases accept. */
public final class RegistryCredentialCommands {
    private RegistryCredentialCommands() {
    }

    /** Create: exactly one of organizationGuid / spaceGuid. */
    public record Create(String location, String username, String password, String organizationGuid, String spaceGuid,
                         MetadataUpdate metadata) {
    }

    /** Update: every field optional (null = unchanged). */
    public record Update(String username, String password, MetadataUpdate metadata) {
    }
}
