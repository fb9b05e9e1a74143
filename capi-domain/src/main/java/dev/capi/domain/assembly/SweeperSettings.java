package dev.capi.domain.assembly;

import java.time.Duration;

/**
 * How the sweepers run: every {@code interval} (and once at start) the pending packages and builds older than their
 * expirations fail; every {@code orphanBlobsInterval} the blobs no row owns, older than {@code orphanBlobsGrace}, are
 * deleted. The defaults are the reference's: a 900-second staging timeout for pending builds (its
 * {@code pending_builds.expiration_in_seconds} is the staging timeout) and the same for pending packages.
 */
public record SweeperSettings(Duration interval, Duration pendingPackagesExpiration,
                              Duration pendingBuildsExpiration, Duration orphanBlobsInterval,
                              Duration orphanBlobsGrace) {
    public SweeperSettings {
        positive("interval", interval);
        notNegative("pendingPackagesExpiration", pendingPackagesExpiration);
        notNegative("pendingBuildsExpiration", pendingBuildsExpiration);
        positive("orphanBlobsInterval", orphanBlobsInterval);
        notNegative("orphanBlobsGrace", orphanBlobsGrace);
    }

    public static SweeperSettings defaults() {
        return new SweeperSettings(Duration.ofSeconds(60), Duration.ofSeconds(900), Duration.ofSeconds(900),
                Duration.ofHours(1), Duration.ofHours(24));
    }

    public SweeperSettings withExpirations(Duration pendingPackages, Duration pendingBuilds) {
        return new SweeperSettings(interval, pendingPackages, pendingBuilds, orphanBlobsInterval, orphanBlobsGrace);
    }

    public SweeperSettings withInterval(Duration every) {
        return new SweeperSettings(every, pendingPackagesExpiration, pendingBuildsExpiration, orphanBlobsInterval,
                orphanBlobsGrace);
    }

    public SweeperSettings withOrphanBlobs(Duration every, Duration grace) {
        return new SweeperSettings(interval, pendingPackagesExpiration, pendingBuildsExpiration, every, grace);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + d);
        }
    }

    private static void notNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
