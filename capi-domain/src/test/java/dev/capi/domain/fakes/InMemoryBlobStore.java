package dev.capi.domain.fakes;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.BlobTooLargeException;
import dev.capi.domain.errors.CfException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import dev.capi.domain.blobs.BlobKeys;
import dev.capi.domain.blobs.StoredBlob;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Blobs in memory (tests only: small bits), with the digests the port promises. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new ConcurrentSkipListMap<>();
    private final Map<String, Instant> written = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public InMemoryBlobStore() {
        this(Clock.systemUTC());
    }

    /** A store that stamps each write with {@code clock}'s time. */
    public InMemoryBlobStore(Clock clock) {
        this.clock = clock;
    }

    private volatile java.net.URI downloadBase;

    /** Makes the store offer download URLs under {@code base}, as a remote store does (test setup). */
    public void offerDownloadUrls(java.net.URI base) {
        this.downloadBase = base;
    }

    @Override
    public Optional<java.net.URI> downloadUrl(String key) {
        BlobKeys.requireValid(key);
        return downloadBase == null ? Optional.empty() : Optional.of(downloadBase.resolve(key));
    }

    /** Backdates a blob's last-modified time (test setup). */
    public void age(String key, Instant lastModified) {
        written.put(key, lastModified);
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        String folder = BlobKeys.requireValidPrefix(prefix);
        blobs.keySet().stream().filter(k -> k.equals(folder) || k.startsWith(folder + "/")).toList()
                .forEach(k -> visitor.accept(new StoredBlob(k, written.getOrDefault(k, Instant.EPOCH))));
    }

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new BlobTooLargeException(key, maxBytes);
        }
        blobs.put(key, bytes);
        written.put(key, clock.instant());
        return info(key, bytes);
    }

    /** Stores bytes directly (test setup). */
    public BlobInfo put(String key, byte[] bytes) {
        return put(key, new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    /** The stored bytes, if any (test assertions). */
    public Optional<byte[]> bytes(String key) {
        return Optional.ofNullable(blobs.get(key));
    }

    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(blobs.keySet());
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        return Optional.ofNullable(blobs.get(key)).map(b -> info(key, b));
    }

    @Override
    public InputStream open(String key) {
        byte[] bytes = blobs.get(key);
        if (bytes == null) {
            throw CfException.notFound("Blob");
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(String key) {
        return blobs.containsKey(key);
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
        written.remove(key);
    }

    @Override
    public void deleteByPrefix(String prefix) {
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        blobs.keySet().removeIf(k -> k.equals(folder.substring(0, folder.length() - 1)) || k.startsWith(folder));
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        byte[] bytes = blobs.get(fromKey);
        if (bytes == null) {
            throw CfException.notFound("Blob");
        }
        blobs.put(toKey, bytes);
        written.put(toKey, clock.instant());
        return info(toKey, bytes);
    }

    public static String sha1(byte[] bytes) {
        return digest("SHA-1", bytes);
    }

    public static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static BlobInfo info(String key, byte[] bytes) {
        return new BlobInfo(key, bytes.length, sha1(bytes), sha256(bytes));
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
