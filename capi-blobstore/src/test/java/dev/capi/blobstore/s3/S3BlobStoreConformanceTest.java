package dev.capi.blobstore.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capi.blobstore.BlobStoreConformance;
import dev.capi.blobstore.BlobStoreUnusableException;
import dev.capi.domain.blobs.BlobStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance tests on a real S3 server (S3Proxy), on buckets of their own emptied before each test. */
class S3BlobStoreConformanceTest extends BlobStoreConformance {
    private static final String PREFIX = "t" + ProcessHandle.current().pid() + "-";
    private static final AtomicInteger OTHER = new AtomicInteger();
    private final List<S3BlobStore> opened = new ArrayList<>();

    @TempDir
    Path spool;

    @Override
    protected BlobStore newStore() {
        BlobStore store = reopen();
        FOLDERS.forEach(store::deleteByPrefix);
        return store;
    }

    @Override
    protected BlobStore reopen() {
        S3ProxyServer server = S3ProxyServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, S3ProxyServer::unavailableReason);
        S3BlobStore store = S3BlobStore.connect(server.settings(PREFIX), spool);
        opened.add(store);
        return store;
    }

    @Override
    protected boolean offersDownloadUrls() {
        return true;
    }

    @Override
    protected long largeBlobBytes() {
        return 32L * 1024 * 1024;
    }

    /**
     * One size for all writers: S3Proxy's file backend answers a GET that races a replacement with the old length and
     * the new bytes, which writers of different sizes turn into short reads (S3 itself has no such race). A torn
     * write still shows as mixed bytes.
     */
    @Override
    protected int concurrentWriterBytes(int w) {
        return 250_000;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3BlobStore::close);
    }

    @Test
    void aWrongSecretKeyFailsTheConnectionWithOneClearLine() {
        S3ProxyServer server = S3ProxyServer.shared().orElseThrow();
        String prefix = "w" + OTHER.incrementAndGet() + "-";
        S3Settings wrong = new S3Settings(server.endpoint(), "us-east-1", S3ProxyServer.ACCESS_KEY, "not-the-secret",
                prefix);

        assertThatThrownBy(() -> S3BlobStore.connect(wrong, spool))
                .isInstanceOf(BlobStoreUnusableException.class)
                .hasMessageContaining("refused access to bucket " + prefix + "packages (HTTP 403)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnreachableEndpointFailsTheConnectionWithOneClearLine() {
        S3Settings nowhere = new S3Settings(java.net.URI.create("http://127.0.0.1:" + S3ProxyServer.freePort()),
                "us-east-1", "a", "b", "x-");

        assertThatThrownBy(() -> S3BlobStore.connect(nowhere, spool))
                .isInstanceOf(BlobStoreUnusableException.class)
                .hasMessageStartingWith("cannot reach the S3 blobstore at " + nowhere.endpoint())
                .hasMessageNotContaining("\n");
    }
}
