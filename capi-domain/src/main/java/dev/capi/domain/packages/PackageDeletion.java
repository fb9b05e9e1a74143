package dev.capi.domain.packages;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.model.Job;

/** {@code package.delete}: the row, its metadata and its bits. */
final class PackageDeletion implements JobHandler {
    private final PackageRepository repository;
    private final MetadataRepository metadataRows;
    private final BlobStore blobs;

    PackageDeletion(PackageRepository repository, MetadataRepository metadataRows, BlobStore blobs) {
        this.repository = repository;
        this.metadataRows = metadataRows;
        this.blobs = blobs;
    }

    @Override
    public String operation() {
        return Packages.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        repository.find(job.resourceGuid()).ifPresent(p -> {
            repository.delete(p.guid());
            metadataRows.delete(p.guid());
            if (p.blobKey() != null) {
                blobs.delete(p.blobKey());
            }
        });
    }
}
