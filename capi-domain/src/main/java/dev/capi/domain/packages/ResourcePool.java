package dev.capi.domain.packages;

import dev.capi.domain.blobs.BlobStore;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The content-addressed pool of app files ({@code resource_pool/<sha1>}), filled from uploaded packages, so that
 * {@code cf push} does not upload unchanged files again: resource matches answer which files it holds, and uploads
 * name them instead of sending them. Files outside the reference's size window are not pooled.
 */
public final class ResourcePool {
    static final long MIN_SIZE = 65536;
    static final long MAX_SIZE = 536870912;
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    private final BlobStore blobs;

    public ResourcePool(BlobStore blobs) {
        this.blobs = blobs;
    }

    static String key(String sha1) {
        return "resource_pool/" + sha1;
    }

    static boolean poolable(long size) {
        return size >= MIN_SIZE && size <= MAX_SIZE;
    }

    public boolean has(String sha1) {
        return sha1 != null && SHA1.matcher(sha1).matches() && blobs.exists(key(sha1));
    }

    /** The resources the pool holds (in the given order). */
    public List<PackageCommands.Resource> matches(List<PackageCommands.Resource> resources) {
        return resources.stream().filter(r -> poolable(r.size()) && has(r.sha1())).toList();
    }
}
