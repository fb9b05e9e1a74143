package dev.capi.domain.buildpacks;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;

/** {@code buildpack.delete}: removes the row, its metadata and its bits, and closes the gap in the positions. */
final class BuildpackDeletion implements JobHandler {
    private final BuildpackRepository repository;
    private final BuildpackPositions positions;
    private final MetadataRepository metadata;
    private final Transactions tx;
    private final BlobStore blobs;

    BuildpackDeletion(BuildpackRepository repository, MetadataRepository metadata, Transactions tx, BlobStore blobs) {
        this.repository = repository;
        this.positions = new BuildpackPositions(repository);
        this.metadata = metadata;
        this.tx = tx;
        this.blobs = blobs;
    }

    @Override
    public String operation() {
        return Buildpacks.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String guid = job.resourceGuid();
        var keys = tx.inTransaction(() -> {
            repository.lockPositions();
            var buildpack = repository.find(guid).orElse(null);
            if (buildpack == null) {
                return java.util.List.<String>of();
            }
            var pending = repository.takePendingUpload(guid);
            repository.delete(guid);
            metadata.delete(guid);
            positions.remove(buildpack.lifecycle(), buildpack.position());
            var bits = new java.util.ArrayList<String>();
            if (buildpack.blobKey() != null) {
                bits.add(buildpack.blobKey());
            }
            pending.ifPresent(p -> bits.add(p.blobKey()));
            return bits;
        });
        keys.forEach(blobs::delete);
    }
}
