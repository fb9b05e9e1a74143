package dev.capi.domain.organizations;

import dev.capi.model.MetadataUpdate;

/** The commands the organizations use cases accept (already validated by the REST messages). */
public final class OrganizationCommands {
    private OrganizationCommands() {
    }

    /** Create: name, optional suspended flag, optional metadata. */
    public record Create(String name, Boolean suspended, MetadataUpdate metadata) {
    }

    /** Update: every field optional (null = unchanged). */
    public record Update(String name, Boolean suspended, MetadataUpdate metadata) {
    }
}
