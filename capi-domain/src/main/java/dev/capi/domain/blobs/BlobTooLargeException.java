package dev.capi.domain.blobs;

/**
 * {@link BlobStore#put} read more than its {@code maxBytes}. Nothing was stored. Callers map it to their own error
 * (for example {@code CfError.RequestEntityTooLarge} or {@code CfError.BuildpackInvalid}).
 */
public final class BlobTooLargeException extends RuntimeException {
    private final String key;
    private final long maxBytes;

    public BlobTooLargeException(String key, long maxBytes) {
        super("blob " + key + " exceeds " + maxBytes + " bytes");
        this.key = key;
        this.maxBytes = maxBytes;
    }

    public String key() {
        return key;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
