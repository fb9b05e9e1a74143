package dev.capi.domain.packages;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.AppPackage;
import dev.capi.model.Job;
import dev.capi.model.Metadata;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The package use cases: list and read (the app's space readers), create, update, delete and upload (space
 * developers and admins, writable space), download (developers), and the read port builds use.
 */
public final class Packages implements PackageLookup {
    public static final String DELETE_JOB = "package.delete";
    static final String NOT_FOUND = "Package";
    static final long MAX_PACKAGE_BYTES = 1024L * 1024 * 1024;

    private final PackageRepository repository;
    private final AppAccess access;
    private final AppEvents events;
    private final Transactions tx;
    private final Jobs jobs;
    private final BlobStore blobs;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final Clock clock;
    private final Guids guids;
    private final dev.capi.domain.apps.AppScopedReads<AppPackage> reads;
    private final PackageRetention retention;

    public Packages(PackageRepository repository, AppAccess access, AppEvents events, Transactions tx, Jobs jobs,
                    BlobStore blobs, FeatureFlags flags, MetadataChanges metadata, Clock clock, Guids guids) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.tx = tx;
        this.jobs = jobs;
        this.blobs = blobs;
        this.flags = flags;
        this.metadata = metadata;
        this.clock = clock;
        this.guids = guids;
        this.reads = new dev.capi.domain.apps.AppScopedReads<>(new dev.capi.domain.apps.AppScopedReads.Rows<>(
                repository::list, repository::find, AppPackage::spaceGuid, AppPackage::organizationGuid), access,
                tx, NOT_FOUND);
        this.retention = new PackageRetention(repository, blobs, clock);
    }

    public Page<AppPackage> list(Permissions perms, ListQuery query) {
        return reads.list(perms, query);
    }

    public Page<AppPackage> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return reads.listForApp(perms, appGuid, query);
    }

    public AppPackage get(Permissions perms, String guid) {
        return reads.get(perms, guid);
    }

    private AppPackage visible(Permissions perms, String guid) {
        return reads.visible(perms, guid);
    }

    /** 422 for an app the principal cannot see; 403 unless a developer; docker needs {@code diego_docker}. */
    public AppPackage create(Permissions perms, PackageCommands.Create cmd) {
        return tx.inTransaction(() -> {
            App app = access.visibleOrInvalid(perms, cmd.appGuid());
            access.requireWriter(perms, app);
            boolean docker = AppPackage.DOCKER.equals(cmd.type());
            if (!docker && app.lifecycle().isDocker()) {
                throw CfException.unprocessable("Cannot create bits package for a Docker app.");
            }
            if (docker && !app.lifecycle().isDocker()) {
                throw CfException.unprocessable("Cannot create Docker package for a buildpack app.");
            }
            if (docker) {
                flags.require("diego_docker");
            }
            Instant now = now();
            var p = new AppPackage(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    cmd.type(), docker ? AppPackage.READY : AppPackage.AWAITING_UPLOAD, null, null, null, null,
                    cmd.image(), cmd.username(), cmd.password(), Metadata.empty());
            repository.insert(p);
            AppPackage stored = p.withMetadata(metadata.apply(p.guid(), "package", Metadata.empty(), cmd.metadata()));
            events.app("audit.app.package.create", perms.principal(), app,
                    Map.of("request", Map.of("type", cmd.type(), "relationships",
                            Map.of("app", Map.of("data", Map.of("guid", app.guid()))))));
            return stored;
        });
    }

    /** A copy of a READY bits package for another app ({@code POST /v3/packages?source_guid=}). */
    public AppPackage copy(Permissions perms, String sourceGuid, String appGuid) {
        AppPackage created = tx.inTransaction(() -> {
            App app = access.visibleOrInvalid(perms, appGuid);
            access.requireWriter(perms, app);
            AppPackage source = repository.find(sourceGuid)
                    .filter(p -> perms.canReadSpace(p.spaceGuid(), p.organizationGuid()))
                    .orElseThrow(() -> CfException.unprocessable(
                            "Source package is invalid. Ensure it exists and you have access to it."));
            if (!perms.canWriteSpace(source.spaceGuid())) {
                throw CfException.notAuthorized();
            }
            if (!AppPackage.READY.equals(source.state())) {
                throw CfException.unprocessable("Source package is not ready.");
            }
            Instant now = now();
            var copy = new AppPackage(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    source.type(), source.type().equals(AppPackage.BITS) ? AppPackage.COPYING : AppPackage.READY,
                    null, source.sha1(), source.sha256(), null, source.dockerImage(), source.dockerUsername(),
                    source.dockerPassword(), Metadata.empty());
            repository.insert(copy);
            events.app("audit.app.package.create", perms.principal(), app,
                    Map.of("request", Map.of("source_package_guid", source.guid())));
            return copy;
        });
        if (!AppPackage.BITS.equals(created.type())) {
            return created;
        }
        AppPackage source = repository.find(sourceGuid).orElseThrow();
        return tx.inTransaction(() -> {
            BlobInfo info = blobs.copy(source.blobKey(), PackageBits.key(created.guid()));
            PackageStates.require(created.state(), AppPackage.READY);
            AppPackage ready = created.withBits(info.sha1(), info.sha256(), info.key(), now());
            repository.update(ready);
            return ready;
        });
    }

    public AppPackage update(Permissions perms, String guid, PackageCommands.Update cmd) {
        return tx.inTransaction(() -> {
            AppPackage p = visible(perms, guid);
            access.requireWriter(perms, access.existing(p.appGuid()));
            boolean credentials = cmd.username() != null || cmd.password() != null;
            if (credentials && !AppPackage.DOCKER.equals(p.type())) {
                throw CfException.unprocessable("Cannot update Docker credentials for a buildpack app.");
            }
            AppPackage updated = credentials ? new AppPackage(p.guid(), p.createdAt(), now(), p.appGuid(),
                    p.spaceGuid(), p.organizationGuid(), p.type(), p.state(), p.error(), p.sha1(), p.sha256(),
                    p.blobKey(), p.dockerImage(), cmd.username() != null ? cmd.username() : p.dockerUsername(),
                    cmd.password() != null ? cmd.password() : p.dockerPassword(), p.metadata())
                    : p.withState(p.state(), p.error(), now());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, "package", p.metadata(), cmd.metadata()));
        });
    }

    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            AppPackage p = visible(perms, guid);
            App app = access.existing(p.appGuid());
            access.requireWriter(perms, app);
            events.app("audit.app.package.delete", perms.principal(), app, Map.of("package_guid", p.guid()));
            return jobs.enqueue(DELETE_JOB, "packages", guid);
        });
    }

    /**
     * Stores the bits: 404, 403, "Package type must be bits.", 400 PackageBitsAlreadyUploaded; then the zip is
     * assembled. Unusable bits leave the package FAILED with the reason (and no blob), as the reference's upload job
     * does; good bits make it READY with its checksums.
     */
    public AppPackage upload(Permissions perms, String guid, PackageCommands.Upload upload) {
        flags.require("app_bits_upload");
        AppPackage p = tx.inTransaction(() -> {
            AppPackage found = visible(perms, guid);
            access.requireWriter(perms, access.existing(found.appGuid()));
            if (!AppPackage.BITS.equals(found.type())) {
                throw CfException.unprocessable("Package type must be bits.");
            }
            if (!AppPackage.AWAITING_UPLOAD.equals(found.state())) {
                throw CfException.of(CfError.PackageBitsAlreadyUploaded);
            }
            if (upload.bits() == null && upload.resources().isEmpty()) {
                throw CfException.unprocessable(PackageCommands.Upload.NOTHING);
            }
            PackageStates.require(found.state(), AppPackage.PROCESSING_UPLOAD);
            AppPackage processing = found.withState(AppPackage.PROCESSING_UPLOAD, null, now());
            repository.update(processing);
            return processing;
        });
        AppPackage result;
        try {
            BlobInfo info = new PackageBits(blobs, MAX_PACKAGE_BYTES).assemble(guid, upload);
            PackageStates.require(p.state(), AppPackage.READY);
            result = p.withBits(info.sha1(), info.sha256(), info.key(), now());
        } catch (PackageBits.Invalid e) {
            result = p.withState(AppPackage.FAILED, e.getMessage(), now());
        } catch (RuntimeException e) {
            tx.run(() -> repository.update(p.withState(AppPackage.FAILED, "Failed to store the package bits.",
                    now())));
            throw e;
        }
        AppPackage finalState = result;
        tx.run(() -> {
            repository.update(finalState);
            if (AppPackage.READY.equals(finalState.state())) {
                retention.expireOlderThanNewest(finalState.appGuid());
            }
            events.app("audit.app.package.upload", perms.principal(), access.existing(finalState.appGuid()),
                    Map.of("package_guid", finalState.guid()));
        });
        return finalState;
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

    /**
     * The bits of a READY bits package (developers): 422 for docker or not-ready packages, as the reference; a
     * redirect when the blobstore offers a download URL.
     */
    public Download download(Permissions perms, String guid) {
        AppPackage p = tx.inTransaction(() -> {
            AppPackage found = visible(perms, guid);
            if (!perms.canReadSecretsInSpace(found.spaceGuid())) {
                throw CfException.notAuthorized();
            }
            return found;
        });
        requireBits(p);
        return blobs.downloadUrl(p.blobKey()).map(Download::redirect).orElseGet(() -> bits(p));
    }

    /** For stagers on the internal API (no user). */
    public Download stagingDownload(String guid) {
        return bits(repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND)));
    }

    private Download bits(AppPackage p) {
        requireBits(p);
        long size = blobs.info(p.blobKey()).map(BlobInfo::sizeBytes).orElse(-1L);
        return Download.stream(size, blobs.open(p.blobKey()));
    }

    private static void requireBits(AppPackage p) {
        if (!AppPackage.BITS.equals(p.type())) {
            throw CfException.unprocessable("Package type must be bits.");
        }
        if (!AppPackage.READY.equals(p.state()) || p.blobKey() == null) {
            throw CfException.unprocessable("Package has no bits to download.");
        }
    }

    /** {@code PATCH /internal/v4/packages/:guid}: a bits service reports READY (with checksums) or FAILED. */
    public void reportUploaded(String guid, String state, String sha1, String sha256, String error) {
        tx.run(() -> {
            AppPackage p = repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            if (!AppPackage.READY.equals(state) && !AppPackage.FAILED.equals(state)) {
                throw CfException.unprocessable("State must be one of 'READY', 'FAILED'");
            }
            PackageStates.require(p.state(), state);
            AppPackage updated = AppPackage.READY.equals(state)
                    ? p.withBits(sha1, sha256, p.blobKey(), now()) : p.withState(state, error, now());
            repository.update(updated);
        });
    }

    @Override
    public Optional<AppPackage> find(String guid) {
        return repository.find(guid);
    }

    /** {@code package.delete}: the row, its metadata and its bits. */
    public JobHandler deletion(MetadataRepository metadataRows) {
        return new PackageDeletion(repository, metadataRows, blobs);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
