package dev.capi.server.nodes;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.StoredBlob;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node's view of a blobstore shared with other nodes: it reports the calls that tell which node did what
 * ({@code deleteByPrefix}, what the buildpack cache job does once per run, and {@code forEachUnder}, what the orphan
 * blob sweep does) to a {@link BlobCalls} shared by every node, which may hold a call at its gate.
 */
final class GatedBlobStore implements BlobStore {
    private final BlobStore store;
    private final String node;
    private final BlobCalls calls;

    GatedBlobStore(BlobStore store, String node, BlobCalls calls) {
        this.store = store;
        this.node = node;
        this.calls = calls;
    }

    @Override
    public void deleteByPrefix(String prefix) {
        calls.around(node, BlobCalls.DELETE_BY_PREFIX, () -> store.deleteByPrefix(prefix));
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        calls.around(node, BlobCalls.FOR_EACH_UNDER, () -> store.forEachUnder(prefix, visitor));
    }

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        return store.put(key, content, maxBytes);
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        return store.info(key);
    }

    @Override
    public InputStream open(String key) {
        return store.open(key);
    }

    @Override
    public boolean exists(String key) {
        return store.exists(key);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        return store.copy(fromKey, toKey);
    }
}
