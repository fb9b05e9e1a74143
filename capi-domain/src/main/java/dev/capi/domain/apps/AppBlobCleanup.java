package dev.capi.domain.apps;

import dev.capi.domain.blobs.BlobStore;

/**
 * When an app is deleted: the rows it owns (packages, droplets, builds, tasks, sidecars, deployments, revisions)
 * go, and so do their bits, read before the rows are deleted.
 */
public final class AppBlobCleanup implements AppCleanup {
    private final AppContents contents;
    private final BlobStore blobs;

    public AppBlobCleanup(AppContents contents, BlobStore blobs) {
        this.contents = contents;
        this.blobs = blobs;
    }

    @Override
    public void deleteAppContents(String appGuid) {
        var keys = contents.blobKeys(appGuid);
        contents.deleteAll(appGuid);
        keys.forEach(blobs::delete);
    }
}
