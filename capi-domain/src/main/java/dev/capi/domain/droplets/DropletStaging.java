package dev.capi.domain.droplets;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Droplet;
import dev.capi.model.Job;

import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/** What stagers and cells do with droplets on the internal API: upload a staged droplet, find the permalinked one. */
final class DropletStaging {
    private final DropletRepository repository;
    private final AppRepository apps;
    private final ProcessRepository processes;
    private final BlobStore blobs;
    private final Jobs jobs;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;

    DropletStaging(DropletRepository repository, AppRepository apps, ProcessRepository processes, BlobStore blobs,
                   Jobs jobs, Transactions tx, Clock clock, Guids guids) {
        this.repository = repository;
        this.apps = apps;
        this.processes = processes;
        this.blobs = blobs;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    /** The current droplet of the process's app, if its checksum matches (404 otherwise). */
    Droplet permalinked(String processGuid, String checksum) {
        return tx.inTransaction(() -> processes.find(processGuid).flatMap(p -> apps.find(p.appGuid()))
                .map(App::dropletGuid).flatMap(repository::find)
                .filter(x -> checksum.equals(x.sha256()) || checksum.equals(x.sha1()))
                .orElseThrow(() -> CfException.notFound(Droplets.NOT_FOUND)));
    }

    /** Stores the tarball under the droplet's key when its digest matches, then enqueues {@code droplet.upload}. */
    Job upload(String guid, InputStream bits, Predicate<BlobInfo> digestMatches) {
        Droplet d = tx.inTransaction(() -> repository.find(guid).or(() -> repository.findByBuild(guid))
                .orElseThrow(() -> CfException.notFound(Droplets.NOT_FOUND)));
        String uploadKey = Droplets.key(d.guid()) + "-upload-" + guids.next();
        BlobInfo info = blobs.put(uploadKey, bits, Droplets.MAX_DROPLET_BYTES);
        if (!digestMatches.test(info)) {
            blobs.delete(uploadKey);
            throw CfException.of(CfError.StagingError, "droplet upload checksum does not match");
        }
        BlobInfo stored = blobs.copy(uploadKey, Droplets.key(d.guid()));
        blobs.delete(uploadKey);
        return tx.inTransaction(() -> {
            Droplet current = repository.find(d.guid()).orElseThrow(() -> CfException.notFound(Droplets.NOT_FOUND));
            repository.update(current.withBits(stored.sha1(), stored.sha256(), stored.key(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return jobs.enqueue(Droplets.UPLOAD_JOB, "droplets", d.guid());
        });
    }
}
