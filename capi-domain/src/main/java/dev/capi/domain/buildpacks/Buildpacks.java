package dev.capi.domain.buildpacks;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.blobs.BlobInfo;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.blobs.BlobTooLargeException;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Buildpack;
import dev.capi.model.Job;
import dev.capi.model.Metadata;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The buildpack use cases: every signed-in user reads buildpacks; only admins create, update, delete (a job) and
 * upload bits (validated and stored at once, put in place by the {@code buildpack.upload} job).
 */
public final class Buildpacks {
    public static final String DELETE_JOB = "buildpack.delete";
    public static final String UPLOAD_JOB = "buildpack.upload";
    static final String NOT_FOUND = "Buildpack";

    private final BuildpackRepository repository;
    private final BuildpackPositions positions;
    private final StackRepository stacks;
    private final Transactions tx;
    private final AuditEvents audit;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final BlobStore blobs;
    private final Clock clock;
    private final Guids guids;
    private final BuildpackSettings settings;

    public Buildpacks(BuildpackRepository repository, StackRepository stacks, Transactions tx, AuditEvents audit,
                      MetadataChanges metadata, Jobs jobs, BlobStore blobs, Clock clock, Guids guids,
                      BuildpackSettings settings) {
        this.repository = repository;
        this.positions = new BuildpackPositions(repository);
        this.stacks = stacks;
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
        this.jobs = jobs;
        this.blobs = blobs;
        this.clock = clock;
        this.guids = guids;
        this.settings = settings;
    }

    /** The jobs that finish what this resource starts: deleting and putting uploaded bits in place. */
    public java.util.List<dev.capi.domain.jobs.JobHandler> jobHandlers(
            dev.capi.domain.metadata.MetadataRepository metadataRows) {
        return java.util.List.of(new BuildpackDeletion(repository, metadataRows, tx, blobs),
                new BuildpackUploadJob(repository, tx, blobs, clock));
    }

    public Page<Buildpack> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query));
    }

    public Buildpack get(Permissions perms, String guid) {
        return tx.inTransaction(() -> find(guid));
    }

    private Buildpack find(String guid) {
        return repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    /** Admins only (403 before the body is read, as in the reference). */
    public Buildpack create(Permissions perms, Supplier<BuildpackCommands.Create> command) {
        requireAdmin(perms);
        var cmd = command.get();
        String lifecycle = cmd.lifecycle() != null ? cmd.lifecycle() : BuildpackArchive.BUILDPACK;
        return tx.inTransaction(() -> {
            repository.lockPositions();
            requireStack(cmd.stack());
            requireUnique(cmd.name(), cmd.stack(), lifecycle, null);
            Instant now = now();
            int position = positions.forNew(lifecycle, cmd.position());
            var buildpack = new Buildpack(guids.next(), now, now, cmd.name(), cmd.stack(), lifecycle, position,
                    cmd.enabled() == null || cmd.enabled(), cmd.locked() != null && cmd.locked(), null, null, null,
                    Metadata.empty());
            repository.insert(buildpack);
            Buildpack stored = buildpack.withMetadata(metadata.apply(buildpack.guid(), "buildpack",
                    Metadata.empty(), cmd.metadata()));
            audit.record("audit.buildpack.create", perms.principal(), target(stored), null, null,
                    Map.of("request", request(cmd.name(), cmd.stack(), cmd.position(), cmd.enabled(), cmd.locked(),
                            cmd.lifecycle(), cmd.metadata() != null)));
            return stored;
        });
    }

    /** 404, then 403, then the body's 422s, then the rules (stack exists and cannot change, uniqueness). */
    public Buildpack update(Permissions perms, String guid, Supplier<BuildpackCommands.Update> command) {
        tx.inTransaction(() -> find(guid));
        requireAdmin(perms);
        var cmd = command.get();
        return tx.inTransaction(() -> {
            repository.lockPositions();
            Buildpack current = find(guid);
            String stack = current.stack();
            if (cmd.stackGiven() && !java.util.Objects.equals(cmd.stack(), current.stack())) {
                requireStack(cmd.stack());
                if (current.stack() != null) {
                    throw CfException.unprocessable("Buildpack stack cannot be changed");
                }
                stack = cmd.stack();
            }
            String name = cmd.name() != null ? cmd.name() : current.name();
            requireUnique(name, stack, current.lifecycle(), guid);
            int position = cmd.position() != null
                    ? positions.move(current.lifecycle(), current.position(), cmd.position()) : current.position();
            var updated = new Buildpack(guid, current.createdAt(), now(), name, stack, current.lifecycle(), position,
                    cmd.enabled() != null ? cmd.enabled() : current.enabled(),
                    cmd.locked() != null ? cmd.locked() : current.locked(), current.filename(), current.blobKey(),
                    current.sha256(), current.metadata());
            repository.update(updated);
            Buildpack result = updated.withMetadata(metadata.apply(guid, "buildpack", current.metadata(),
                    cmd.metadata()));
            audit.record("audit.buildpack.update", perms.principal(), target(result), null, null,
                    Map.of("request", request(cmd.name(), cmd.stackGiven() ? cmd.stack() : null, cmd.position(),
                            cmd.enabled(), cmd.locked(), null, cmd.metadata() != null)));
            return result;
        });
    }

    /** 404, then 403; records {@code audit.buildpack.delete} and enqueues {@code buildpack.delete}. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Buildpack buildpack = find(guid);
            requireAdmin(perms);
            audit.record("audit.buildpack.delete", perms.principal(), target(buildpack), null, null, Map.of());
            return jobs.enqueue(DELETE_JOB, "buildpacks", guid);
        });
    }

    /** An upload as the REST layer received it: the multipart field {@code bits}, or null when it was missing. */
    public record Bits(String filename, InputStream content) {
    }

    /** What an accepted upload answers: the buildpack as it still is, and the job that puts the bits in place. */
    public record UploadAccepted(Buildpack buildpack, Job job) {
    }

    /**
     * 404, then 403, then the file's 422s ("Uploaded buildpack file is invalid: ..."), then "Buildpack is locked",
     * then the stack its manifest names. The bits are stored before they are inspected and deleted again when
     * refused, so a refused upload leaves no blob behind and changes no row.
     */
    public UploadAccepted upload(Permissions perms, String guid, Bits bits) {
        Buildpack buildpack = tx.inTransaction(() -> find(guid));
        requireAdmin(perms);
        if (bits == null || bits.content() == null) {
            throw BuildpackArchive.invalid("A buildpack zip file must be uploaded as 'bits'");
        }
        String filename = bits.filename() == null || bits.filename().isBlank() ? "buildpack.zip" : bits.filename();
        String key = "buildpacks/" + guid + "/" + guids.next();
        BlobInfo stored;
        try {
            stored = blobs.put(key, bits.content(), settings.maxUploadBytes());
        } catch (BlobTooLargeException e) {
            throw BuildpackArchive.invalid(filename + " is larger than the maximum of " + settings.maxUploadBytes()
                    + " bytes");
        }
        try {
            Optional<String> manifestStack = BuildpackArchive.inspect(blobs.open(key), stored.sizeBytes(), filename,
                    buildpack.lifecycle());
            return tx.inTransaction(() -> {
                repository.lockPositions();
                Buildpack current = find(guid);
                if (current.locked()) {
                    throw CfException.unprocessable("Buildpack is locked");
                }
                String stack = stackAfterUpload(current, manifestStack.orElse(null));
                repository.takePendingUpload(guid).ifPresent(earlier -> blobs.delete(earlier.blobKey()));
                repository.savePendingUpload(guid, new BuildpackRepository.PendingUpload(key, filename,
                        stored.sha256(), stack));
                audit.record("audit.buildpack.upload", perms.principal(), target(current), null, null,
                        Map.of("request", Map.of("filename", filename)));
                return new UploadAccepted(current, jobs.enqueue(UPLOAD_JOB, "buildpacks", guid));
            });
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    /** The stack the buildpack has once bits naming {@code manifestStack} (may be null) are in place. */
    String stackAfterUpload(Buildpack buildpack, String manifestStack) {
        if (manifestStack == null || manifestStack.equals(buildpack.stack())) {
            return buildpack.stack();
        }
        if (buildpack.stack() != null) {
            throw CfException.of(CfError.BuildpackStacksDontMatch, manifestStack, buildpack.stack());
        }
        if (stacks.findByName(manifestStack).isEmpty()) {
            throw CfException.of(CfError.BuildpackStackDoesNotExist, manifestStack);
        }
        if (repository.taken(buildpack.name(), manifestStack, buildpack.lifecycle(), buildpack.guid())) {
            throw CfException.of(CfError.BuildpackNameStackLifecycleTaken, buildpack.name(), manifestStack,
                    buildpack.lifecycle());
        }
        return manifestStack;
    }

    /** The bits of a READY buildpack, for the stagers' download (internal API); 404 when there are none. */
    public record Download(String filename, long sizeBytes, InputStream content) {
    }

    public Download download(String guid) {
        Buildpack buildpack = tx.inTransaction(() -> find(guid));
        if (buildpack.blobKey() == null) {
            throw CfException.notFound(NOT_FOUND);
        }
        long size = blobs.info(buildpack.blobKey()).map(BlobInfo::sizeBytes)
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
        return new Download(buildpack.filename(), size, blobs.open(buildpack.blobKey()));
    }

    private void requireStack(String stack) {
        if (stack != null && stacks.findByName(stack).isEmpty()) {
            throw CfException.unprocessable("Stack '" + stack + "' does not exist");
        }
    }

    private void requireUnique(String name, String stack, String lifecycle, String exceptGuid) {
        if (!repository.taken(name, stack, lifecycle, exceptGuid)) {
            return;
        }
        if (stack == null) {
            throw CfException.unprocessable("Buildpack with name '" + name + "' and an unassigned stack already exists");
        }
        throw CfException.unprocessable("Buildpack with name '" + name + "', stack '" + stack + "' and lifecycle '"
                + lifecycle + "' already exists");
    }

    static void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    static AuditEvent.Target target(Buildpack buildpack) {
        return new AuditEvent.Target(buildpack.guid(), "buildpack", buildpack.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> request(String name, String stack, Integer position, Boolean enabled,
                                               Boolean locked, String lifecycle, boolean metadataGiven) {
        var m = new LinkedHashMap<String, Object>();
        if (name != null) {
            m.put("name", name);
        }
        if (stack != null) {
            m.put("stack", stack);
        }
        if (position != null) {
            m.put("position", position);
        }
        if (enabled != null) {
            m.put("enabled", enabled);
        }
        if (locked != null) {
            m.put("locked", locked);
        }
        if (lifecycle != null) {
            m.put("lifecycle", lifecycle);
        }
        if (metadataGiven) {
            m.put("metadata", "[PRIVATE DATA HIDDEN]");
        }
        return m;
    }
}
