package dev.capi.domain.assembly;

import dev.capi.domain.blobs.BlobOwners;
import dev.capi.domain.blobs.OrphanBlobSweeper;
import dev.capi.domain.builds.PendingBuildsSweeper;
import dev.capi.domain.packages.PendingPackagesSweeper;

/**
 * What sweeps up after crashes, run periodically by the server: pending packages and builds that outlived their
 * expirations fail, and blobs no row owns are deleted.
 */
public record Sweepers(PendingPackagesSweeper pendingPackages, PendingBuildsSweeper pendingBuilds,
                       OrphanBlobSweeper orphanBlobs, SweeperSettings settings) {

    public static Sweepers assemble(CorePorts core, LifecyclePorts ports, BlobOwners owners, Lifecycle lifecycle,
                                    SweeperSettings settings) {
        return new Sweepers(
                new PendingPackagesSweeper(ports.packages(), core.transactions(), core.clock(),
                        settings.pendingPackagesExpiration()),
                new PendingBuildsSweeper(ports.builds(), lifecycle.builds(), core.clock(),
                        settings.pendingBuildsExpiration()),
                new OrphanBlobSweeper(core.blobs(), owners, core.clock(), settings.orphanBlobsGrace()),
                settings);
    }
}
