package dev.capi.domain.droplets;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.model.Droplet;
import dev.capi.model.Job;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code droplet.upload} (PROCESSING_UPLOAD becomes STAGED, older droplets expire) and {@code droplet.delete}. */
final class DropletJobs {
    private final DropletRepository repository;
    private final AppRepository apps;
    private final BlobStore blobs;
    private final DropletRetention retention;
    private final Clock clock;

    DropletJobs(DropletRepository repository, AppRepository apps, BlobStore blobs, DropletRetention retention,
                Clock clock) {
        this.repository = repository;
        this.apps = apps;
        this.blobs = blobs;
        this.retention = retention;
        this.clock = clock;
    }

    List<JobHandler> handlers(MetadataRepository metadataRows) {
        return List.of(handler(Droplets.UPLOAD_JOB, this::staged), handler(Droplets.DELETE_JOB,
                job -> delete(job, metadataRows)));
    }

    private void staged(Job job) {
        repository.find(job.resourceGuid()).filter(d -> Droplet.PROCESSING_UPLOAD.equals(d.state()))
                .ifPresent(d -> {
                    repository.update(d.withState(Droplet.STAGED, null, now()));
                    retention.expireOld(d.appGuid());
                });
    }

    /** The row, its metadata, the app's reference to it as current droplet, and its bits. */
    private void delete(Job job, MetadataRepository metadataRows) {
        repository.find(job.resourceGuid()).ifPresent(d -> {
            repository.delete(d.guid());
            metadataRows.delete(d.guid());
            apps.find(d.appGuid()).filter(a -> d.guid().equals(a.dropletGuid()))
                    .ifPresent(a -> apps.update(a.withDropletGuid(null, now())));
            if (d.blobKey() != null) {
                blobs.delete(d.blobKey());
            }
        });
    }

    private static JobHandler handler(String operation, java.util.function.Consumer<Job> perform) {
        return new JobHandler() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public void perform(Job job) {
                perform.accept(job);
            }
        };
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
