package dev.capi.domain.locks;

import dev.capi.model.MetadataUpdate;

/** The commands the lock use cases accept. */
public final class LockCommands {
    private LockCommands() {
    }

    /** Create: a title, an optional detail, the app to lock. */
    public record Create(String title, String detail, String appGuid, MetadataUpdate metadata) {
    }

    /** Update: detail and metadata (null = unchanged). */
    public record Update(String detail, MetadataUpdate metadata) {
    }
}
