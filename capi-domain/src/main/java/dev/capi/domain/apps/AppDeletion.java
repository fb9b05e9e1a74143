package dev.capi.domain.apps;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.Job;

import java.util.List;

/**
 * The {@code app.delete} job, and the removal of every app of a deleted space: what other resources hold of the app
 * ({@link AppCleanup}s), its processes (a STOPPED usage event for each started one, and the runtime told to stop
 * them), its metadata, then the app. An app already gone completes the job. When something the app holds cannot go
 * now (a service binding its broker unbinds asynchronously or refuses to unbind), the app stays and the job fails
 * with one {@code UnprocessableEntity} per such resource, as the reference's app delete job reports them.
 */
public final class AppDeletion implements JobHandler, OrganizationCleanup {
    private final AppRepository apps;
    private final ProcessRepository processes;
    private final SpaceRepository spaces;
    private final MetadataRepository metadata;
    private final AppUsageEvents usage;
    private final ProcessSync sync;
    private final List<AppCleanup> cleanups;
    private final Jobs jobs;

    public AppDeletion(AppRepository apps, ProcessRepository processes, SpaceRepository spaces,
                       MetadataRepository metadata, AppUsageEvents usage, ProcessSync sync,
                       List<AppCleanup> cleanups, Jobs jobs) {
        this.apps = apps;
        this.processes = processes;
        this.spaces = spaces;
        this.metadata = metadata;
        this.usage = usage;
        this.sync = sync;
        this.cleanups = cleanups;
        this.jobs = jobs;
    }

    @Override
    public String operation() {
        return Apps.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        App app = apps.find(job.resourceGuid()).orElse(null);
        if (app == null) {
            return;
        }
        List<String> failures = cleanups.stream().flatMap(c -> c.releaseAppContents(app.guid()).stream()).toList();
        if (!failures.isEmpty()) {
            jobs.fail(job.guid(), failures.stream().map(m -> new Job.JobError(CfError.UnprocessableEntity.code(),
                    CfError.UnprocessableEntity.title(), m)).toList());
            return;
        }
        delete(app);
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        apps.inSpace(spaceGuid).forEach(this::delete);
    }

    /** Removes one app and everything it holds (inside the caller's transaction). */
    public void delete(App app) {
        cleanups.forEach(c -> c.deleteAppContents(app.guid()));
        var space = spaces.find(app.spaceGuid())
                .map(s -> new AppUsageEvents.SpaceRef(s.guid(), s.name(), s.organizationGuid()))
                .orElse(new AppUsageEvents.SpaceRef(app.spaceGuid(), "", app.organizationGuid()));
        List<AppProcess> owned = processes.forApp(app.guid());
        for (AppProcess p : owned) {
            usage.processChanged(app, space, p, null);
            metadata.delete(p.metadataKey());
            processes.delete(p.guid());
        }
        metadata.delete(app.guid());
        apps.delete(app.guid());
        try {
            sync.stop(owned);
        } catch (RuntimeException e) {
            // the rows are gone; a runtime that missed the stop converges from the database later
        }
    }
}
