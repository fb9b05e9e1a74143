package dev.capi.blobstore.internal;

import dev.capi.domain.blobs.BlobInfo;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-1, SHA-256 and the byte count of one stream of bytes. */
public final class Hasher {
    private static final int BUFFER_SIZE = 64 * 1024;
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private long size;

    public void update(byte[] bytes, int length) {
        sha1.update(bytes, 0, length);
        sha256.update(bytes, 0, length);
        size += length;
    }

    public long size() {
        return size;
    }

    /** The digests of everything seen so far, as the blob {@code key}. */
    public BlobInfo info(String key) {
        HexFormat hex = HexFormat.of();
        return new BlobInfo(key, size, hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
    }

    /** Reads {@code in} to its end and returns its size and digests as the blob {@code key}. */
    public static BlobInfo hash(String key, InputStream in) throws IOException {
        Hasher hasher = new Hasher();
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            hasher.update(buffer, n);
        }
        return hasher.info(key);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
