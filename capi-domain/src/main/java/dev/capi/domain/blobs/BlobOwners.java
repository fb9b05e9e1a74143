package dev.capi.domain.blobs;

import java.util.Collection;
import java.util.Set;

/** Port: which rows still own blobs, asked in batches by {@link OrphanBlobSweeper}. */
public interface BlobOwners {
    /** Of {@code guids}, those of existing packages. */
    Set<String> existingPackages(Collection<String> guids);

    /** Of {@code guids}, those of existing droplets. */
    Set<String> existingDroplets(Collection<String> guids);

    /** Of {@code keys}, those a buildpack stores its bits under (its blob key or its pending upload's). */
    Set<String> buildpackKeys(Collection<String> keys);
}
