package dev.capi.domain.builds;

import dev.capi.domain.apps.AppAccess;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.AppSettings;
import dev.capi.domain.apps.LaunchEnvironment;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.droplets.DropletStates;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.packages.PackageLookup;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.query.Page;
import dev.capi.domain.quotas.QuotaGuard;
import dev.capi.domain.quotas.QuotaScopes;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.domain.runtime.StagingRequest;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppPackage;
import dev.capi.model.Build;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The build use cases: create (stages a READY package: a STAGING build and droplet, quota checked, the runtime asked
 * to stage after commit), list, read, update, and the stager's completion report that makes both STAGED or FAILED.
 */
public final class Builds {
    static final String NOT_FOUND = "Build";

    private final BuildRepository repository;
    private final DropletRepository droplets;
    private final PackageLookup packages;
    private final AppAccess access;
    private final AppEvents events;
    private final AppUsageEvents usage;
    private final QuotaScopes quotaScopes;
    private final QuotaGuard quotaGuard;
    private final Runtime runtime;
    private final AppSettings settings;
    private final MetadataChanges metadata;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;
    private final dev.capi.domain.apps.AppScopedReads<Build> reads;
    private final java.util.function.Consumer<String> retention;

    /** What a stage-and-start callback does with the staged droplet: make it current and start the app. */
    @FunctionalInterface
    public interface StageAndStart {
        void start(String appGuid, String dropletGuid, dev.capi.domain.auth.Principal creator);
    }

    private final StageAndStart stageAndStart;
    private final LaunchEnvironment environment;

    public Builds(BuildRepository repository, DropletRepository droplets, PackageLookup packages, AppAccess access,
                  AppEvents events, AppUsageEvents usage, QuotaScopes quotaScopes, QuotaGuard quotaGuard,
                  Runtime runtime, AppSettings settings, MetadataChanges metadata, Transactions tx, Clock clock,
                  Guids guids, java.util.function.Consumer<String> retention, StageAndStart stageAndStart,
                  LaunchEnvironment environment) {
        this.environment = environment;
        this.stageAndStart = stageAndStart;
        this.retention = retention;
        this.repository = repository;
        this.droplets = droplets;
        this.packages = packages;
        this.access = access;
        this.events = events;
        this.usage = usage;
        this.quotaScopes = quotaScopes;
        this.quotaGuard = quotaGuard;
        this.runtime = runtime;
        this.settings = settings;
        this.metadata = metadata;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
        this.reads = new dev.capi.domain.apps.AppScopedReads<>(new dev.capi.domain.apps.AppScopedReads.Rows<>(
                repository::list, repository::find, Build::spaceGuid, Build::organizationGuid), access, tx, NOT_FOUND);
    }

    public Page<Build> list(Permissions perms, ListQuery query) {
        return reads.list(perms, query);
    }

    public Page<Build> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return reads.listForApp(perms, appGuid, query);
    }

    public Build get(Permissions perms, String guid) {
        return reads.get(perms, guid);
    }

    /**
     * The app's most recently created build (the seed's {@code PATCH /v3/apps/:guid/builds} updates it): 404 "App not
     * found" unless the app is visible, 404 "Build not found" when it has none.
     */
    public Build latestForApp(Permissions perms, String appGuid) {
        var newest = new ListQuery(1, 1, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        return listForApp(perms, appGuid, newest).resources().stream().findFirst()
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    private Build visible(Permissions perms, String guid) {
        return reads.visible(perms, guid);
    }

    /** Create: the package, the staging resources (null: the defaults) and metadata. */
    public record Create(String packageGuid, Long memoryInMb, Long diskInMb, Long logRateLimit,
                         MetadataUpdate metadata, List<String> buildpacks, String stack) {
        public Create(String packageGuid, Long memoryInMb, Long diskInMb, Long logRateLimit, MetadataUpdate metadata) {
            this(packageGuid, memoryInMb, diskInMb, logRateLimit, metadata, null, null);
        }
    }

    public Build create(Permissions perms, Create cmd) {
        Build build = tx.inTransaction(() -> {
            AppPackage pkg = packages.find(cmd.packageGuid())
                    .filter(p -> perms.canReadSpace(p.spaceGuid(), p.organizationGuid()) && perms.canManageApps(
                            p.spaceGuid())).orElseThrow(() -> CfException.unprocessable(
                            "Unable to use package. Ensure that the package exists and you have access to it."));
            App app = access.existing(pkg.appGuid());
            access.requireWritable(perms, app);
            if (!AppPackage.READY.equals(pkg.state())) {
                throw CfException.of(CfError.BadRequest, "Cannot stage package whose state is not ready.");
            }
            if (repository.stagingForApp(app.guid())) {
                throw CfException.of(CfError.StagingInProgress);
            }
            long memory = cmd.memoryInMb() != null ? cmd.memoryInMb() : settings.defaultMemoryInMb();
            long disk = cmd.diskInMb() != null ? cmd.diskInMb() : settings.defaultDiskInMb();
            long logRate = cmd.logRateLimit() != null ? cmd.logRateLimit() : settings.defaultLogRateLimit();
            quotaGuard.checkStaging(quotaScopes.forSpace(app.spaceGuid()), memory, logRate);
            Instant now = now();
            String lifecycle = app.lifecycle().type();
            String dropletGuid = guids.next();
            var b = new Build(guids.next(), now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    pkg.guid(), dropletGuid, Build.STAGING, null, lifecycle,
                    cmd.buildpacks() != null ? cmd.buildpacks() : app.lifecycle().buildpacks(),
                    cmd.stack() != null ? cmd.stack() : app.lifecycle().stack(), memory, disk, logRate,
                    perms.principal().userGuid(),
                    perms.principal().userName(), "", Metadata.empty());
            repository.insert(b);
            droplets.insert(new Droplet(dropletGuid, now, now, app.guid(), app.spaceGuid(), app.organizationGuid(),
                    pkg.guid(), b.guid(), Droplet.STAGING, null, lifecycle, Map.of(), null, List.of(),
                    b.stack(), "docker".equals(lifecycle) ? pkg.dockerImage() : null, null, null, null,
                    Metadata.empty()));
            events.app("audit.app.build.create", perms.principal(), app,
                    Map.of("build_guid", b.guid(), "package_guid", pkg.guid()));
            Space space = access.space(app.spaceGuid());
            usage.staging(app, new AppUsageEvents.SpaceRef(space.guid(), space.name(), space.organizationGuid()),
                    true, pkg.guid(), memory, null);
            return b.withMetadata(metadata.apply(b.guid(), "build", Metadata.empty(), cmd.metadata()));
        });
        try {
            runtime.stage(new StagingRequest(build.guid(), build.appGuid(), build.packageGuid(),
                    build.lifecycleType(), build.buildpacks(), build.stack(), build.stagingMemoryInMb(),
                    build.stagingDiskInMb(), build.stagingLogRateLimit(), environment.forStaging(build.appGuid(),
                    build.stagingMemoryInMb(), build.stagingDiskInMb())));
        } catch (RuntimeUnavailableException e) {
            completed(build.guid(), StagingResult.failure("stager unavailable"));
            throw CfException.of(CfError.StagerUnavailable, e.getMessage());
        }
        return build;
    }

    /** Metadata (developers); with {@code state}, the kpack-style report of update_build_state clients. */
    public Build update(Permissions perms, String guid, MetadataUpdate meta, String state, String error) {
        Build b = tx.inTransaction(() -> visible(perms, guid));
        if (state != null) {
            if (!perms.canWriteGlobally() && !perms.principal().scopes().contains(
                    dev.capi.domain.auth.Principal.UPDATE_BUILD_STATE)) {
                throw CfException.notAuthorized();
            }
            completed(guid, Build.FAILED.equals(state) ? StagingResult.failure(error)
                    : new StagingResult(false, null, b.lifecycleType(), Map.of(), null, List.of(), null));
        }
        return tx.inTransaction(() -> {
            Build current = repository.find(guid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            if (state == null) {
                access.requireWriter(perms, access.existing(current.appGuid()));
            }
            return current.withMetadata(metadata.apply(guid, "build", current.metadata(), meta));
        });
    }

    /**
     * The stager's report ({@code /internal/v3/staging/:guid/build_completed}): 404 "Build not found", 400 for a
     * build that already ended; failure makes build and droplet FAILED with the mapped error; success STAGED.
     */
    public void completed(String buildGuid, StagingResult result) {
        completed(buildGuid, result, false);
    }

    /** With {@code start} (the V2-style stage-and-start), a successful build's droplet becomes current and runs. */
    public void completed(String buildGuid, StagingResult result, boolean start) {
        tx.run(() -> {
            Build b = repository.find(buildGuid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            String to = result.failed() ? Build.FAILED : Build.STAGED;
            BuildStates.require(b.state(), to);
            Instant now = now();
            App app = access.existing(b.appGuid());
            Droplet droplet = droplets.findByBuild(b.guid()).orElse(null);
            if (result.failed()) {
                String error = result.error();
                repository.update(b.withState(Build.FAILED, error, now));
                failed(b, app, droplet, error, now);
            } else {
                if (droplet == null) {
                    throw CfException.of(CfError.InvalidRequest);
                }
                DropletStates.require(droplet.state(), Droplet.STAGED);
                droplets.update(droplet.staged(result.processTypes(), result.executionMetadata(),
                        result.buildpacks(), droplet.stack(),
                        result.dockerImage() != null ? result.dockerImage() : droplet.image(), now));
                repository.update(b.withState(Build.STAGED, null, now));
                if (start) {
                    stageAndStart.start(b.appGuid(), droplet.guid(), creator(b));
                }
                retention.accept(b.appGuid());
                events.app("audit.app.build.staged", creator(b), app, Map.of("build_guid", b.guid()));
            }
            Space space = access.space(app.spaceGuid());
            usage.staging(app, new AppUsageEvents.SpaceRef(space.guid(), space.name(), space.organizationGuid()),
                    false, b.packageGuid(), b.stagingMemoryInMb(),
                    result.buildpacks().isEmpty() ? null : result.buildpacks().get(0));
        });
    }

    /** The reference's error of a build whose staging outlived its expiration. */
    public static final String STAGING_TIME_EXPIRED = "StagingTimeExpired - Staging time expired: staging failed";

    /**
     * The pending builds sweep: fails the build with {@link #STAGING_TIME_EXPIRED} (its droplet too, with the audit
     * and usage events of a failed staging) only if it is still STAGING and unchanged since {@code cutoff}; returns
     * whether it did.
     */
    public boolean expire(String buildGuid, Instant cutoff) {
        return tx.inTransaction(() -> {
            BuildStates.require(Build.STAGING, Build.FAILED);
            Instant now = now();
            if (!repository.failStaging(buildGuid, cutoff, STAGING_TIME_EXPIRED, now)) {
                return false;
            }
            Build b = repository.find(buildGuid).orElseThrow(() -> CfException.notFound(NOT_FOUND));
            App app = access.existing(b.appGuid());
            failed(b, app, droplets.findByBuild(b.guid()).orElse(null), STAGING_TIME_EXPIRED, now);
            Space space = access.space(app.spaceGuid());
            usage.staging(app, new AppUsageEvents.SpaceRef(space.guid(), space.name(), space.organizationGuid()),
                    false, b.packageGuid(), b.stagingMemoryInMb(), null);
            return true;
        });
    }

    private void failed(Build b, App app, Droplet droplet, String error, Instant now) {
        if (droplet != null && DropletStates.allowed(droplet.state(), Droplet.FAILED)) {
            droplets.update(droplet.withState(Droplet.FAILED, error, now));
        }
        events.app("audit.app.build.failed", creator(b), app, Map.of("build_guid", b.guid()));
    }

    private static dev.capi.domain.auth.Principal creator(Build b) {
        return new dev.capi.domain.auth.Principal(b.createdByGuid(), b.createdByName(), null, null,
                java.util.Set.of());
    }

    /** Whether the build's droplet reached a final state (only then is it shown on the build). */
    public boolean dropletFinal(Build b) {
        return b.dropletGuid() != null && droplets.find(b.dropletGuid())
                .map(d -> Droplet.STAGED.equals(d.state()) || Droplet.FAILED.equals(d.state())).orElse(false);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
