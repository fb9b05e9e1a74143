package dev.capi.server.metrics;

import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.StoredBlob;
import dev.capi.rest.internal.metrics.RequestMetrics;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Any blobstore, with the latency of each call recorded in the node's metrics (opening a blob, not reading it).
 * Every method delegates, also the port's default ones (a remote store's download URLs must survive the wrapping).
 */
public final class TimedBlobStore implements BlobStore {
    private final BlobStore store;
    private final RequestMetrics metrics;

    public TimedBlobStore(BlobStore store, RequestMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } finally {
            metrics.blobstoreCall(operation, outcome, (System.nanoTime() - started) / 1e9);
        }
    }

    private void timed(String operation, Runnable call) {
        timed(operation, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public BlobInfo put(String key, InputStream content, long maxBytes) {
        return timed("put", () -> store.put(key, content, maxBytes));
    }

    @Override
    public Optional<BlobInfo> info(String key) {
        return timed("info", () -> store.info(key));
    }

    @Override
    public InputStream open(String key) {
        return timed("open", () -> store.open(key));
    }

    @Override
    public boolean exists(String key) {
        return timed("exists", () -> store.exists(key));
    }

    @Override
    public void delete(String key) {
        timed("delete", () -> store.delete(key));
    }

    @Override
    public void deleteByPrefix(String prefix) {
        timed("delete_by_prefix", () -> store.deleteByPrefix(prefix));
    }

    @Override
    public BlobInfo copy(String fromKey, String toKey) {
        return timed("copy", () -> store.copy(fromKey, toKey));
    }

    @Override
    public Optional<java.net.URI> downloadUrl(String key) {
        return store.downloadUrl(key);
    }

    @Override
    public void forEachUnder(String prefix, Consumer<StoredBlob> visitor) {
        timed("list", () -> store.forEachUnder(prefix, visitor));
    }
}
