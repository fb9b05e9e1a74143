package dev.capi.domain.buildpacks;

import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Buildpack;
import dev.capi.model.Job;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code buildpack.upload}: puts the bits an upload request stored in place (filename, checksum, stack from the
 * buildpack's manifest) and deletes the bits they replace. A buildpack locked or deleted meanwhile keeps what it
 * had; a name/stack/lifecycle clash that appeared meanwhile fails the job.
 */
final class BuildpackUploadJob implements JobHandler {
    private final BuildpackRepository repository;
    private final Transactions tx;
    private final BlobStore blobs;
    private final Clock clock;

    BuildpackUploadJob(BuildpackRepository repository, Transactions tx, BlobStore blobs, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public String operation() {
        return Buildpacks.UPLOAD_JOB;
    }

    @Override
    public void perform(Job job) {
        String guid = job.resourceGuid();
        String replaced = tx.inTransaction(() -> {
            repository.lockPositions();
            var pending = repository.takePendingUpload(guid).orElse(null);
            if (pending == null) {
                return null;
            }
            Buildpack current = repository.find(guid).orElse(null);
            if (current == null || current.locked()) {
                return pending.blobKey();
            }
            if (pending.stack() != null && !pending.stack().equals(current.stack())
                    && repository.taken(current.name(), pending.stack(), current.lifecycle(), guid)) {
                blobs.delete(pending.blobKey());
                throw CfException.of(CfError.BuildpackNameStackLifecycleTaken, current.name(), pending.stack(),
                        current.lifecycle());
            }
            repository.update(new Buildpack(guid, current.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), current.name(), pending.stack(),
                    current.lifecycle(), current.position(), current.enabled(), current.locked(), pending.filename(),
                    pending.blobKey(), pending.sha256(), current.metadata()));
            return current.blobKey();
        });
        if (replaced != null) {
            blobs.delete(replaced);
        }
    }
}
