package dev.capi.blobstore.local;

import dev.capi.blobstore.BlobStoreConformance;
import dev.capi.domain.blobs.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance tests on local disk. */
class LocalDiskBlobStoreConformanceTest extends BlobStoreConformance {
    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() {
        return new LocalDiskBlobStore(root);
    }

    @Override
    protected BlobStore reopen() {
        return new LocalDiskBlobStore(root);
    }

    @Override
    protected boolean offersDownloadUrls() {
        return false;
    }
}
