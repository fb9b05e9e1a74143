package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.support.Transactions;
import dev.capi.model.App;
import dev.capi.model.Job;

/**
 * An app's buildpack cache (blobs under {@code buildpack_cache/<app guid>/}): {@code POST
 * /v3/apps/:guid/actions/clear_buildpack_cache} enqueues {@code app.clear_buildpack_cache}, whose handler deletes
 * them. Space developers and admins.
 */
public final class BuildpackCaches implements JobHandler {
    public static final String CLEAR_JOB = "app.clear_buildpack_cache";

    private final AppAccess access;
    private final Transactions tx;
    private final Jobs jobs;
    private final BlobStore blobs;

    public BuildpackCaches(AppAccess access, Transactions tx, Jobs jobs, BlobStore blobs) {
        this.access = access;
        this.tx = tx;
        this.jobs = jobs;
        this.blobs = blobs;
    }

    /** The key prefix of an app's cached buildpack output. */
    public static String prefix(String appGuid) {
        return "buildpack_cache/" + appGuid;
    }

    public Job clear(Permissions perms, String appGuid) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            access.requireWriter(perms, app);
            return jobs.enqueue(CLEAR_JOB, "apps", app.guid());
        });
    }

    @Override
    public String operation() {
        return CLEAR_JOB;
    }

    @Override
    public void perform(Job job) {
        blobs.deleteByPrefix(prefix(job.resourceGuid()));
    }
}
