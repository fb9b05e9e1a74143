package dev.capi.domain.locks;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.spaces.WritableSpaces;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;
import dev.capi.model.Lock;
import dev.capi.model.Metadata;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Locks on apps (a seed extension): read like the app (space readers), written by those who may delete the app
 * (space developers, admins). {@link #requireUnlocked} is the check the app delete calls.
 */
public final class Locks implements OrganizationCleanup {
    public static final String DELETE_JOB = "lock.delete";

    private final LockRepository repository;
    private final SpaceRepository spaces;
    private final WritableSpaces writable;
    private final Transactions tx;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;
    private final LockableApps apps;

    public Locks(LockRepository repository, SpaceRepository spaces, WritableSpaces writable, Transactions tx,
                 MetadataChanges metadata, Jobs jobs, Clock clock, Guids guids, LockableApps apps) {
        this.apps = apps;
        this.repository = repository;
        this.spaces = spaces;
        this.writable = writable;
        this.tx = tx;
        this.metadata = metadata;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    /** Refuses to delete an app that holds a lock (422). */
    public void requireUnlocked(String appGuid, String appName) {
        if (repository.anyOnApp(appGuid)) {
            throw CfException.unprocessable("App '" + appName + "' is locked and cannot be deleted.");
        }
    }

    public Page<Lock> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    public Lock get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private Lock visible(Permissions perms, String guid) {
        return repository.find(guid).filter(l -> perms.canReadSpace(l.spaceGuid(), l.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("Lock"));
    }

    public Lock create(Permissions perms, LockCommands.Create cmd) {
        return tx.inTransaction(() -> {
            var app = apps.find(cmd.appGuid()).filter(a -> perms.canReadSpace(a.spaceGuid(), a.organizationGuid()))
                    .orElseThrow(() -> CfException.unprocessable(
                            "Invalid app. Ensure that the app exists and you have access to it."));
            requireWriter(perms, app.spaceGuid());
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Lock lock = new Lock(guids.next(), now, now, cmd.title(), cmd.detail(), app.guid(), app.spaceGuid(),
                    app.organizationGuid(), Metadata.empty());
            repository.insert(lock);
            return lock.withMetadata(metadata.apply(lock.guid(), "lock", Metadata.empty(), cmd.metadata()));
        });
    }

    public Lock update(Permissions perms, String guid, LockCommands.Update cmd) {
        return tx.inTransaction(() -> {
            Lock lock = visible(perms, guid);
            requireWriter(perms, lock.spaceGuid());
            Lock updated = new Lock(lock.guid(), lock.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    lock.title(), cmd.detail() != null ? cmd.detail() : lock.detail(), lock.appGuid(),
                    lock.spaceGuid(), lock.organizationGuid(), lock.metadata());
            repository.update(updated);
            return updated.withMetadata(metadata.apply(guid, "lock", lock.metadata(), cmd.metadata()));
        });
    }

    /** Starts the asynchronous delete. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Lock lock = visible(perms, guid);
            requireWriter(perms, lock.spaceGuid());
            return jobs.enqueue(DELETE_JOB, "locks", guid);
        });
    }

    private void requireWriter(Permissions perms, String spaceGuid) {
        if (!perms.canWriteSpace(spaceGuid)) {
            throw CfException.notAuthorized();
        }
        spaces.find(spaceGuid).ifPresent(s -> writable.requireWritableSpace(perms, s));
    }

    /** The {@code lock.delete} job. */
    public JobHandler deletion() {
        return new JobHandler() {
            @Override
            public String operation() {
                return DELETE_JOB;
            }

            @Override
            public void perform(Job job) {
                repository.delete(job.resourceGuid());
            }
        };
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        repository.deleteForSpace(spaceGuid);
    }
}
