package dev.capi.domain.droplets;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.packages.PackageLookup;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Droplet;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The droplet use cases: list and read (the app's space readers; execution metadata and process commands only for
 * secret readers), create and upload (space developers), copy, delete (a job), download, the stagers' upload and
 * download on the internal API, and the read port apps use to assign a current droplet.
 */
public final class Droplets {
    public static final String DELETE_JOB = "droplet.delete";
    public static final String UPLOAD_JOB = "droplet.upload";
    static final String NOT_FOUND = "Droplet";
    static final long MAX_DROPLET_BYTES = 4L * 1024 * 1024 * 1024;

    private final DropletRepository repository;
    private final AppAccess access;
    private final AppRepository apps;
    private final PackageLookup packages;
    private final AppEvents events;
    private final Transactions tx;
    private final Jobs jobs;
    private final BlobStore blobs;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;
    private final DropletRetention retention;
    private final DropletStaging staging;

    public Droplets(DropletRepository repository, AppAccess access, AppRepository apps, ProcessRepository processes,
                    PackageLookup packages, AppEvents events, Transactions tx, Jobs jobs, BlobStore blobs,
                    MetadataChanges metadata, Clock clock, Guids guids) {
        this.repository = repository;
        this.access = access;
        this.apps = apps;
        this.packages = packages;
        this.events = events;
        this.tx = tx;
        this.jobs = jobs;
        this.blobs = blobs;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
        this.retention = new DropletRetention(repository, apps, blobs, clock);
        this.staging = new DropletStaging(repository, apps, processes, blobs, jobs, tx, clock, guids);
    }

    public DropletRetention retention() {
        return retention;
    }

    static String key(String dropletGuid) {
        return "droplets/" + dropletGuid;
    }

    public Page<Droplet> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    /** {@code /v3/apps/:guid/droplets}; {@code current} keeps only the app's current droplet. */
    public Page<Droplet> listForApp(Permissions perms, String appGuid, ListQuery query, boolean current) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            ListQuery q = query.withFilter(DropletFilter.APP_GUIDS.key(), List.of(app.guid()));
            if (current) {
                q = q.withFilter(DropletFilter.GUIDS.key(), List.of(app.dropletGuid() == null ? "" : app.dropletGuid()));
            }
            return repository.list(q);
        });
    }

    public Page<Droplet> listForPackage(Permissions perms, String packageGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            var p = packages.find(packageGuid).filter(x -> perms.canReadSpace(x.spaceGuid(), x.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Package"));
            return repository.list(query.withFilter(DropletFilter.PACKAGE_GUIDS.key(), List.of(p.guid())));
        });
    }

    public Droplet get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    /** Whether the principal sees the droplet's execution metadata and process commands. */
    public boolean canSeeSecrets(Permissions perms, Droplet d) {
        return perms.canReadSecretsInSpace(d.spaceGuid());
    }

    private Droplet visible(Permissions perms, String guid) {
        return repository.find(guid).filter(d -> perms.canReadSpace(d.spaceGuid(), d.organizationGuid()))
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    /** {@code POST /v3/droplets}: an empty droplet (AWAITING_UPLOAD) for a buildpack app; web: "" by default. */
    public Droplet create(Permissions perms, String appGuid, Map<String, String> processTypes, MetadataUpdate meta) {
        return tx.inTransaction(() -> {
            App app = access.visibleOrInvalid(perms, appGuid);
            access.requireWriter(perms, app);
            if (app.lifecycle().isDocker()) {
                throw CfException.unprocessable("Droplet creation is not available for apps with docker lifecycle.");
            }
            Instant now = now();
            var d = new Droplet(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(), null,
                    null, Droplet.AWAITING_UPLOAD, null, app.lifecycle().type(),
                    processTypes != null ? processTypes : Map.of("web", ""), null, List.of(),
                    app.lifecycle().stack(), null, null, null, null, Metadata.empty());
            repository.insert(d);
            events.app("audit.app.droplet.create", perms.principal(), app, Map.of("droplet_guid", d.guid()));
            return d.withMetadata(metadata.apply(d.guid(), "droplet", Metadata.empty(), meta));
        });
    }

    /** The uploaded droplet and the job that makes it STAGED. */
    public record Accepted(Droplet droplet, Job job) {
    }

    /** 404, 403, then "Droplet may be uploaded only once..."; stores the bits now, STAGED by {@code droplet.upload}. */
    public Accepted upload(Permissions perms, String guid, InputStream bits) {
        Droplet d = tx.inTransaction(() -> {
            Droplet found = visible(perms, guid);
            access.requireWriter(perms, access.existing(found.appGuid()));
            if (!Droplet.AWAITING_UPLOAD.equals(found.state())) {
                throw CfException.unprocessable(
                        "Droplet may be uploaded only once. Create a new droplet to upload bits.");
            }
            if (bits == null) {
                throw CfException.unprocessable("Uploaded droplet file is invalid: A droplet tgz file must be "
                        + "uploaded as 'bits'");
            }
            return found;
        });
        BlobInfo info = blobs.put(key(guid), bits, MAX_DROPLET_BYTES);
        return tx.inTransaction(() -> {
            Droplet current = repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            DropletStates.require(current.state(), Droplet.PROCESSING_UPLOAD);
            Droplet processing = current.withBits(info.sha1(), info.sha256(), info.key(), now())
                    .withState(Droplet.PROCESSING_UPLOAD, null, now());
            repository.update(processing);
            return new Accepted(processing, jobs.enqueue(UPLOAD_JOB, "droplets", guid));
        });
    }

    /** {@code POST /v3/droplets?source_guid=}: a STAGED droplet copied to another app (same lifecycle). */
    public Droplet copy(Permissions perms, String sourceGuid, String appGuid) {
        Droplet created = tx.inTransaction(() -> {
            App app = access.visibleOrInvalid(perms, appGuid);
            access.requireWriter(perms, app);
            Droplet source = repository.find(sourceGuid)
                    .filter(x -> perms.canReadSpace(x.spaceGuid(), x.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound(NOT_FOUND));
            if (!Droplet.STAGED.equals(source.state())) {
                throw CfException.unprocessable("Source droplet is not staged.");
            }
            Instant now = now();
            var copy = new Droplet(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    source.packageGuid(), null, Droplet.COPYING, null, source.lifecycleType(), source.processTypes(),
                    source.executionMetadata(), source.buildpacks(), source.stack(), source.image(), source.sha1(),
                    source.sha256(), null, Metadata.empty());
            repository.insert(copy);
            events.app("audit.app.droplet.create", perms.principal(), app,
                    Map.of("droplet_guid", copy.guid(), "source_droplet_guid", source.guid()));
            return copy;
        });
        Droplet source = repository.find(sourceGuid).orElseThrow();
        return tx.inTransaction(() -> {
            String newKey = null;
            if (source.blobKey() != null) {
                newKey = blobs.copy(source.blobKey(), key(created.guid())).key();
            }
            DropletStates.require(created.state(), Droplet.STAGED);
            Droplet staged = created.withBits(created.sha1(), created.sha256(), newKey, now())
                    .withState(Droplet.STAGED, null, now());
            repository.update(staged);
            return staged;
        });
    }

    public Droplet update(Permissions perms, String guid, MetadataUpdate meta, String image) {
        return tx.inTransaction(() -> {
            Droplet d = visible(perms, guid);
            access.requireWriter(perms, access.existing(d.appGuid()));
            if (image != null && !"docker".equals(d.lifecycleType())) {
                throw CfException.unprocessable("Images can only be updated for docker droplets");
            }
            Droplet updated = new Droplet(d.guid(), d.createdAt(), now(), d.appGuid(), d.spaceGuid(),
                    d.organizationGuid(), d.packageGuid(), d.buildGuid(), d.state(), d.error(), d.lifecycleType(),
                    d.processTypes(), d.executionMetadata(), d.buildpacks(), d.stack(),
                    image != null ? image : d.image(), d.sha1(), d.sha256(), d.blobKey(), d.metadata());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, "droplet", d.metadata(), meta));
        });
    }

    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Droplet d = visible(perms, guid);
            App app = access.existing(d.appGuid());
            access.requireWriter(perms, app);
            events.app("audit.app.droplet.delete", perms.principal(), app, Map.of("droplet_guid", d.guid()));
            return jobs.enqueue(DELETE_JOB, "droplets", guid);
        });
    }

    /**
     * The bits: a stream of {@code sizeBytes} bytes ({@code -1} when unknown), or, when the blobstore offers a
     * download URL ({@link BlobStore#downloadUrl}), only that URL to redirect to ({@code content} is then null).
     */
    public record Download(long sizeBytes, InputStream content, Optional<URI> redirect) {
        static Download stream(long sizeBytes, InputStream content) {
            return new Download(sizeBytes, content, Optional.empty());
        }

        static Download redirect(URI url) {
            return new Download(-1, null, Optional.of(url));
        }
    }

    /** Developers download STAGED buildpack droplets (a redirect when the blobstore offers a download URL). */
    public Download download(Permissions perms, String guid) {
        Droplet d = tx.inTransaction(() -> {
            Droplet found = visible(perms, guid);
            if (!perms.canReadSecretsInSpace(found.spaceGuid())) {
                throw CfException.notAuthorized();
            }
            return found;
        });
        if ("docker".equals(d.lifecycleType())) {
            throw CfException.unprocessable("Cannot download droplets with 'docker' lifecycle.");
        }
        if (!Droplet.STAGED.equals(d.state())) {
            throw CfException.unprocessable("Only staged droplets can be downloaded.");
        }
        requireBlob(d);
        return blobs.downloadUrl(d.blobKey()).map(Download::redirect).orElseGet(() -> stream(d));
    }

    private Download bits(Droplet d) {
        requireBlob(d);
        return stream(d);
    }

    private Download stream(Droplet d) {
        return Download.stream(blobs.info(d.blobKey()).map(BlobInfo::sizeBytes).orElse(-1L), blobs.open(d.blobKey()));
    }

    private void requireBlob(Droplet d) {
        if (d.blobKey() == null || !blobs.exists(d.blobKey())) {
            throw CfException.notFound(NOT_FOUND);
        }
    }

    /** Stagers and cells download a droplet by guid ({@code /staging/v3/droplets/:guid/download}). */
    public Download stagingDownload(String guid) {
        return bits(repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND)));
    }

    /**
     * The permalink cells use ({@code /internal/v4/droplets/:process_guid/:checksum/download}): the current droplet of
     * the process's app, if its checksum matches.
     */
    public Download permalink(String processGuid, String checksum) {
        return bits(staging.permalinked(processGuid, checksum));
    }

    /**
     * The stager's upload ({@code POST /internal/v4/droplets/:guid/upload}, guid a build's or a droplet's): stores the
     * tarball and its checksums on the droplet (STAGING for a build's); the returned job is what the uploader polls.
     */
    public Job stagerUpload(String guid, InputStream bits, java.util.function.Predicate<BlobInfo> digestMatches) {
        return staging.upload(guid, bits, digestMatches);
    }

    /** What apps need of droplets (assigning the current one, reading it). */
    public DropletLookup lookup() {
        return new StoredDropletLookup(repository);
    }

    /** {@code droplet.upload} (PROCESSING_UPLOAD becomes STAGED) and {@code droplet.delete}. */
    public List<JobHandler> jobHandlers(MetadataRepository metadataRows) {
        return new DropletJobs(repository, apps, blobs, retention, clock).handlers(metadataRows);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
