package dev.capi.domain.fakes;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Blobs as byte arrays in a map, with their SHA-1 and SHA-256. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new LinkedHashMap<>();

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        try {
            byte[] bytes = content.readAllBytes();
            blobs.put(key, bytes);
            return info(key).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        byte[] bytes = blobs.get(key);
        return bytes == null ? Optional.empty()
                : Optional.of(new BlobInfo(key, bytes.length, digest("SHA-1", bytes), digest("SHA-256", bytes)));
    }

    @Override
    public InputStream open(String key) {
        return new ByteArrayInputStream(blobs.get(key));
    }

    @Override
    public boolean exists(String key) {
        return blobs.containsKey(key);
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
    }

    @Override
    public void deleteByPrefix(String prefix) {
        blobs.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "/"));
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        blobs.put(toKey, blobs.get(fromKey).clone());
        return info(toKey).orElseThrow();
    }

    /** The keys stored, for tests. */
    public Set<String> keys() {
        return Set.copyOf(blobs.keySet());
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
