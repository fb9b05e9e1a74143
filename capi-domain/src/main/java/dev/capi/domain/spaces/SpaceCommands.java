package dev.capi.domain.spaces;

import dev.capi.model.MetadataUpdate;

/** The commands the spaces use cases accept (validated by the REST messages). */
public final class SpaceCommands {
    private SpaceCommands() {
    }

    /** Create: name, owning organization, optional metadata. */
    public record Create(String name, String organizationGuid, MetadataUpdate metadata) {
    }

    /** Update: every field optional (null = unchanged). */
    public record Update(String name, Boolean suspended, MetadataUpdate metadata) {
    }
}
