package dev.capi.domain.blobs;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: where bits live — packages, droplets, buildpacks, buildpack caches and the resource pool — addressed by keys
 * such as {@code packages/<guid>} or {@code droplets/<guid>/<sha1>} (rules in {@link BlobKeys}; every method throws
 * {@link IllegalArgumentException} for an invalid key).
 *
 * <p>Keys name folders: {@code droplets/<guid>} is the folder of {@code droplets/<guid>/<sha1>}. A key must not be
 * both a blob and a folder of other blobs; writing one that would be is refused with
 * {@link IllegalArgumentException}.
 *
 * <p>Writes are atomic: a reader sees the whole old blob, the whole new one or none, never part of one; of concurrent
 * writers to one key the last to complete wins. Implementations stream: no blob is held in memory whole.
 *
 * <p>A failure of the store itself throws {@code CfException} {@code BlobstoreUnavailable}.
 */
public interface BlobStore {

    /**
     * Stores the bytes of {@code content}, read to its end, under {@code key}, replacing any blob there. The stream is
     * not closed. Digests are computed while the bytes stream through.
     *
     * @param maxBytes the most bytes accepted ({@code Long.MAX_VALUE} for no limit)
     * @return the stored blob's size and digests
     * @throws BlobTooLargeException if {@code content} holds more than {@code maxBytes}; nothing is stored and the
     *                               previous blob, if any, is kept
     * @throws java.io.UncheckedIOException if reading {@code content} fails (the caller's stream, not the store);
     *                               nothing is stored and the previous blob, if any, is kept
     */
    BlobInfo put(String key, InputStream content, long maxBytes);

    /** The blob's size and digests, or empty if there is none. */
    Optional<BlobInfo> info(String key);

    /**
     * Opens the blob for reading; the caller closes the stream. The stream keeps reading the blob as it was when
     * opened even if it is replaced or deleted meanwhile.
     *
     * @throws dev.capi.domain.errors.CfException {@code ResourceNotFound} if there is no blob under {@code key}
     */
    InputStream open(String key);

    boolean exists(String key);

    /** Deletes the blob; nothing happens if there is none. */
    void delete(String key);

    /**
     * Deletes every blob in the folder {@code prefix} (and a blob named {@code prefix} itself), so
     * {@code deleteByPrefix("buildpack_cache/<app guid>")} clears an app's caches. It matches whole segments:
     * {@code packages/ab} does not match {@code packages/abc}. A trailing {@code /} is allowed. Blobs written
     * while it runs may survive.
     */
    void deleteByPrefix(String prefix);

    /**
     * Copies the blob at {@code fromKey} to {@code toKey} (atomically, replacing any blob there).
     *
     * @return the copy's size and digests
     * @throws dev.capi.domain.errors.CfException {@code ResourceNotFound} if there is no blob under {@code fromKey}
     */
    BlobInfo copy(String fromKey, String toKey);

    /**
     * Hands every blob in the folder {@code prefix} (whole segments, as {@link #deleteByPrefix}; a trailing {@code /}
     * is allowed) to {@code visitor}, one at a time and in no particular order, with its last-modified time; nothing
     * happens if the folder is empty or missing. Blobs written or deleted while it runs may or may not be visited.
     */
    void forEachUnder(String prefix, Consumer<StoredBlob> visitor);

    /**
     * A URL from which a client may fetch the blob without further credentials for a limited time (a presigned or
     * signed read URL), for stores that clients can reach themselves; downloads then answer 302 to it, as the
     * reference does for a remote blobstore. Empty (the default) when the bits are served only through
     * {@link #open}. It does not check that the blob exists.
     */
    default Optional<URI> downloadUrl(String key) {
        BlobKeys.requireValid(key);
        return Optional.empty();
    }
}
