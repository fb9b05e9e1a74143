package dev.capi.domain.blobs;

import java.util.Objects;

/**
 * What a blob store knows about one stored blob.
 *
 * @param key       the blob's key (see {@link BlobKeys})
 * @param sizeBytes its length in bytes
 * @param sha1      lower-case hex SHA-1 of its bytes (the reference's package and resource-pool checksum)
 * @param sha256    lower-case hex SHA-256 of its bytes (the reference's droplet checksum)
 */
public record BlobInfo(String key, long sizeBytes, String sha1, String sha256) {
    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
        }
    }
}
