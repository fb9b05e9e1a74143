package dev.capi.blobstore;

/**
 * A configured remote blobstore cannot be used at start: it refused the credentials, cannot be reached or cannot
 * create its buckets. The message is one line an operator can act on (the standalone server prints it and stops).
 */
public final class BlobStoreUnusableException extends RuntimeException {
    public BlobStoreUnusableException(String message) {
        super(message);
    }
}
