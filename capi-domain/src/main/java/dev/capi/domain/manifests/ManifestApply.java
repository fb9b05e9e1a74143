package dev.capi.domain.manifests;

import dev.capi.domain.apps.AppCommands;
import dev.capi.domain.apps.AppEvents;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Job;
import dev.capi.model.Space;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /v3/spaces/:guid/actions/apply_manifest}: checks the space (404, 403, writable), finds or creates each
 * app (refusing buildpacks for docker apps and docker for buildpack apps), records {@code audit.app.apply_manifest}
 * and enqueues {@code space.apply_manifest}, whose handler applies each app in the reference's order through
 * {@link ManifestAppUpdate}.
 */
public final class ManifestApply implements JobHandler {
    public static final String JOB = "space.apply_manifest";

    private final SpaceRepository spaces;
    private final WritableSpaces writable;
    private final Apps apps;
    private final AppEvents events;
    private final Jobs jobs;
    private final ManifestStore store;
    private final Transactions tx;
    private final ManifestAppUpdate update;
    private final Function<Principal, Permissions> permissions;

    public ManifestApply(SpaceRepository spaces, WritableSpaces writable, Apps apps, AppEvents events, Jobs jobs,
                         ManifestStore store, Transactions tx, ManifestAppUpdate update,
                         Function<Principal, Permissions> permissions) {
        this.spaces = spaces;
        this.writable = writable;
        this.apps = apps;
        this.events = events;
        this.jobs = jobs;
        this.store = store;
        this.tx = tx;
        this.update = update;
        this.permissions = permissions;
    }

    /**
     * The current manifests of the space's apps named in {@code names} (null where no such app exists), for
     * {@code manifest_diff}: 404, 403 and writable as {@link #apply}.
     */
    public List<ManifestSource.Current> currentManifests(Permissions perms, String spaceGuid, List<String> names,
                                                         ManifestSource source) {
        Space space = writableSpace(perms, spaceGuid);
        return tx.inTransaction(() -> names.stream().map(n -> n == null ? null
                : find(perms, space.guid(), n).map(app -> source.of(perms, app)).orElse(null)).toList());
    }

    /** The space a manifest may be applied to or diffed against: 404 "Space not found", 403, then writable. */
    public Space writableSpace(Permissions perms, String spaceGuid) {
        return tx.inTransaction(() -> {
            Space space = spaces.find(spaceGuid)
                    .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Space"));
            if (!perms.canWriteSpace(space.guid())) {
                throw CfException.notAuthorized();
            }
            writable.requireWritableSpace(perms, space);
            return space;
        });
    }

    public Job apply(Permissions perms, String spaceGuid, List<AppManifest> manifests) {
        Space space = writableSpace(perms, spaceGuid);
        return tx.inTransaction(() -> {
            for (AppManifest m : manifests) {
                App app = findOrCreate(perms, space, m);
                events.app("audit.app.apply_manifest", perms.principal(), app,
                        Map.of("request", Map.of("manifest", "applications: [" + m.name() + "]")));
            }
            Job job = jobs.enqueue(JOB, "spaces", space.guid());
            Principal p = perms.principal();
            store.save(job.guid(), new ManifestStore.Stored(space.guid(), new ManifestStore.Requester(p.userGuid(),
                    p.userName(), p.origin(), p.clientId(), p.scopes()), manifests));
            return job;
        });
    }

    private App findOrCreate(Permissions perms, Space space, AppManifest m) {
        App app = find(perms, space.guid(), m.name()).orElse(null);
        if (app == null) {
            try {
                String type = m.dockerImage() != null ? "docker" : null;
                app = apps.create(perms, new AppCommands.Create(m.name(), space.guid(), null,
                        new AppCommands.LifecycleRequest(type, type == null ? m.buildpacks() : null,
                                type == null ? m.stack() : null), null));
            } catch (CfException e) {
                throw CfException.unprocessable("For application '" + m.name() + "': " + e.detail());
            }
        }
        boolean docker = "docker".equals(app.lifecycle().type());
        if (docker && m.buildpacks() != null) {
            throw CfException.unprocessable("For application '" + m.name()
                    + "': Buildpacks cannot be configured for a docker lifecycle app.");
        }
        if (!docker && m.dockerImage() != null) {
            throw CfException.unprocessable("For application '" + m.name()
                    + "': Docker cannot be configured for a buildpack lifecycle app.");
        }
        return app;
    }

    Optional<App> find(Permissions perms, String spaceGuid, String name) {
        return apps.list(perms, ListQuery.all().withFilter("names", List.of(name))
                .withFilter("space_guids", List.of(spaceGuid))).resources().stream().findFirst();
    }

    @Override
    public String operation() {
        return JOB;
    }

    @Override
    public void perform(Job job) {
        var stored = store.load(job.guid()).orElse(null);
        if (stored == null) {
            return;
        }
        var r = stored.requester();
        Permissions perms = permissions.apply(new Principal(r.userGuid(), r.userName(), r.origin(), r.clientId(),
                r.scopes()));
        try {
            for (AppManifest m : stored.applications()) {
                App app = find(perms, stored.spaceGuid(), m.name())
                        .orElseThrow(() -> CfException.notFound("App"));
                try {
                    update.apply(perms, app, m);
                } catch (CfException e) {
                    throw CfException.unprocessable("For application '" + m.name() + "': " + e.detail());
                }
            }
        } finally {
            store.delete(job.guid());
        }
    }
}
