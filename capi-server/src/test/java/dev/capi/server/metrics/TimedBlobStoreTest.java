package dev.capi.server.metrics;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.rest.internal.metrics.RequestMetrics;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimedBlobStoreTest {
    private final RequestMetrics metrics = new RequestMetrics();

    /** A store answering download URLs and existence checks, failing everything else. */
    private static BlobStore remoteStore() {
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[]{BlobStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "downloadUrl" -> Optional.of(URI.create("https://s3.example/" + args[0]));
                    case "exists" -> true;
                    default -> throw new IllegalStateException("store down");
                });
    }

    @Test
    void passesARemoteStoresDownloadUrlsThrough() {
        var timed = new TimedBlobStore(remoteStore(), metrics);

        assertThat(timed.downloadUrl("packages/ab/cd")).contains(URI.create("https://s3.example/packages/ab/cd"));
    }

    @Test
    void recordsEachCallWithItsOutcome() {
        var timed = new TimedBlobStore(remoteStore(), metrics);

        assertThat(timed.exists("packages/ab/cd")).isTrue();
        assertThatThrownBy(() -> timed.delete("packages/ab/cd")).hasMessage("store down");

        assertThat(metrics.exposition()).contains(
                "capi_blobstore_operation_duration_seconds_count{operation=\"exists\",outcome=\"ok\"} 1\n",
                "capi_blobstore_operation_duration_seconds_count{operation=\"delete\",outcome=\"error\"} 1\n");
    }
}
