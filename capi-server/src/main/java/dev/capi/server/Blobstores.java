package dev.capi.server;

import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.blobstore.s3.S3BlobStore;
import dev.capi.blobstore.webdav.WebDavBlobStore;
import dev.capi.domain.blobs.BlobStore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the configured blobstore for the standalone server (a remote one is checked at once: wrong keys stop the boot). */
final class Blobstores {
    private Blobstores() {
    }

    /**
     * The store {@code config} names; remote stores spool uploads under {@code <data dir>/spool}, which is emptied
     * here (what a crash left there is no blob).
     *
     * @throws dev.capi.blobstore.BlobStoreUnusableException if a remote store refuses the credentials or cannot be
     *                                                        reached
     */
    static BlobStore open(BlobstoreConfig config, Path dataDir) {
        return switch (config.kind()) {
            case LOCAL -> new LocalDiskBlobStore(dataDir.resolve("blobs"));
            case S3 -> S3BlobStore.connect(config.s3(), emptySpool(dataDir));
            case WEBDAV -> WebDavBlobStore.connect(config.webdav(), emptySpool(dataDir));
        };
    }

    private static Path emptySpool(Path dataDir) {
        Path spool = dataDir.resolve("spool");
        try {
            Files.createDirectories(spool);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(spool, "*.spool")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
            return spool;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the upload spool " + spool + ": " + e.getMessage(), e);
        }
    }
}
