package dev.capi.server.runtime.local;

import dev.capi.domain.apps.BuildpackCaches;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.model.Buildpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the local runtime reads the bits it needs, as a cell downloads them: package, droplet and buildpack bits from
 * the blobstore (found through their rows), and the app's buildpack cache (read and written under the key the
 * Cloud Controller's cache endpoints use).
 */
public final class RuntimeBits {
    private final BlobStore blobs;
    private final PackageRepository packages;
    private final DropletRepository droplets;
    private final BuildpackRepository buildpacks;

    public RuntimeBits(BlobStore blobs, PackageRepository packages, DropletRepository droplets,
                       BuildpackRepository buildpacks) {
        this.blobs = blobs;
        this.packages = packages;
        this.droplets = droplets;
        this.buildpacks = buildpacks;
    }

    /** An admin buildpack staging may use: its name and where its zip lives. */
    record AdminBuildpack(String name, String blobKey) {
    }

    /** Enabled admin buildpacks of the {@code buildpack} lifecycle with bits, in position order. */
    List<AdminBuildpack> adminBuildpacks(String stack) {
        return buildpacks.list(ListQuery.all()).resources().stream()
                .filter(b -> "buildpack".equals(b.lifecycle()) && b.enabled() && b.blobKey() != null)
                .filter(b -> b.stack() == null || stack == null || b.stack().equals(stack))
                .sorted(Comparator.comparingInt(Buildpack::position))
                .map(b -> new AdminBuildpack(b.name(), b.blobKey())).toList();
    }

    /** Copies the package's bits (a zip) to {@code target}; false when the package has none. */
    boolean copyPackage(String packageGuid, Path target) {
        Optional<String> key = packages.find(packageGuid).map(p -> p.blobKey());
        return key.isPresent() && copy(key.get(), target);
    }

    /** Copies the droplet's bits (a tgz) to {@code target}; false when the droplet has none. */
    boolean copyDroplet(String dropletGuid, Path target) {
        Optional<String> key = droplets.find(dropletGuid).map(d -> d.blobKey());
        return key.isPresent() && copy(key.get(), target);
    }

    boolean copyBuildpack(AdminBuildpack buildpack, Path target) {
        return copy(buildpack.blobKey(), target);
    }

    /** Copies the app's buildpack cache for the stack to {@code target}; false when there is none. */
    boolean copyCache(String appGuid, String stack, Path target) {
        return copy(cacheKey(appGuid, stack), target);
    }

    void storeCache(String appGuid, String stack, Path archive) {
        try (InputStream in = Files.newInputStream(archive)) {
            blobs.put(cacheKey(appGuid, stack), in, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cacheKey(String appGuid, String stack) {
        return BuildpackCaches.prefix(appGuid) + "/" + (stack == null || stack.isBlank() ? "default" : stack);
    }

    private boolean copy(String key, Path target) {
        if (key == null || !blobs.exists(key)) {
            return false;
        }
        try (InputStream in = blobs.open(key)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
