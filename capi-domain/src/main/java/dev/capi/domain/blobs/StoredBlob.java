package dev.capi.domain.blobs;

import java.time.Instant;
import java.util.Objects;

/** One blob as a listing sees it: its key and when it was last written. */
public record StoredBlob(String key, Instant lastModified) {
    public StoredBlob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
