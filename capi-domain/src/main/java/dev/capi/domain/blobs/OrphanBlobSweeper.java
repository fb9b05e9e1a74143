package dev.capi.domain.blobs;

import dev.capi.domain.support.Durations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Deletes the blobs under {@code packages/}, {@code droplets/} and {@code buildpacks/} that no row owns, as the
 * reference's {@code orphaned_blobs_cleanup}: a package blob ({@code packages/<guid>}) is owned while its package
 * exists, a droplet blob ({@code droplets/<guid>...}) while its droplet exists, a buildpack blob while a buildpack
 * names its key. Blobs written within the grace period are never deleted, so an upload whose row is not written yet
 * survives. Several nodes may sweep at once: deleting a blob twice is harmless.
 */
public final class OrphanBlobSweeper {
    static final int BATCH = 500;
    private static final List<String> FOLDERS = List.of("packages", "droplets", "buildpacks");

    private final BlobStore blobs;
    private final BlobOwners owners;
    private final Clock clock;
    private final Duration grace;

    public OrphanBlobSweeper(BlobStore blobs, BlobOwners owners, Clock clock, Duration grace) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Durations.requireNonNegative(grace, "orphan blob grace period");
    }

    /** Sweeps once; returns how many blobs were deleted. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(grace);
        int deleted = 0;
        for (String folder : FOLDERS) {
            List<String> batch = new ArrayList<>();
            List<List<String>> batches = new ArrayList<>();
            blobs.forEachUnder(folder, blob -> {
                if (blob.lastModified().isBefore(cutoff)) {
                    batch.add(blob.key());
                    if (batch.size() == BATCH) {
                        batches.add(List.copyOf(batch));
                        batch.clear();
                    }
                }
            });
            batches.add(List.copyOf(batch));
            for (List<String> keys : batches) {
                deleted += deleteUnowned(folder, keys);
            }
        }
        return deleted;
    }

    private int deleteUnowned(String folder, List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> owned = owned(folder, keys);
        int deleted = 0;
        for (String key : keys) {
            if (!owned.contains(key)) {
                blobs.delete(key);
                deleted++;
            }
        }
        return deleted;
    }

    /** The keys of {@code keys} (all under {@code folder}) that a row owns. */
    private Set<String> owned(String folder, List<String> keys) {
        if (folder.equals("buildpacks")) {
            return owners.buildpackKeys(keys);
        }
        Set<String> guids = new HashSet<>();
        keys.forEach(k -> guids.add(ownerGuid(k)));
        Set<String> existing = folder.equals("packages") ? owners.existingPackages(guids)
                : owners.existingDroplets(guids);
        Set<String> owned = new HashSet<>();
        keys.stream().filter(k -> existing.contains(ownerGuid(k))).forEach(owned::add);
        return owned;
    }

    /** The second segment of a key: {@code packages/<guid>}, {@code droplets/<guid>/<sha>}. */
    static String ownerGuid(String key) {
        String[] segments = key.split("/", 3);
        return segments.length > 1 ? segments[1] : "";
    }
}
