package dev.capi.domain.spaces;

import dev.capi.model.MetadataUpdate;

/** The commands the spaces use cases accept (validated by the REST messages). */
public final class SpaceCommands {
    private SpaceCommands() {
    }

    /** Create: name, owning organization, optional {@code suspended} (null = active) and metadata. */
    public record Create(String name, String organizationGuid, Boolean suspended, MetadataUpdate metadata) {
        public Create(String name, String organizationGuid, MetadataUpdate metadata) {
            this(name, organizationGuid, null, metadata);
        }
    }

    /** Update: every field optional (null = unchanged). */
    public record Update(String name, Boolean suspended, MetadataUpdate metadata) {
    }
}
