package dev.capi.domain.users;

import dev.capi.model.MetadataUpdate;

/** The commands the users use cases accept (already validated by the REST messages). */
public final class UserCommands {
    private UserCommands() {
    }

    /** Create: by {@code guid}, or by {@code username} and {@code origin} (a "shadow" user); optional metadata. */
    public record Create(String guid, String username, String origin, MetadataUpdate metadata) {
    }

    /** Update: metadata only. */
    public record Update(MetadataUpdate metadata) {
    }
}
