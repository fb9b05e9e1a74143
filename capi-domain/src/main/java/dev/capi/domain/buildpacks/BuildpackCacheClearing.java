package dev.capi.domain.buildpacks;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Job;

/**
 * {@code POST /v3/admin/actions/clear_buildpack_cache}: admins enqueue {@code admin.clear_buildpack_cache}, which
 * deletes every app's cached buildpack output (the blobs under {@code buildpack_cache/}).
 */
public final class BuildpackCacheClearing implements JobHandler {
    public static final String JOB = "admin.clear_buildpack_cache";
    static final String PREFIX = "buildpack_cache";

    private final Transactions tx;
    private final Jobs jobs;
    private final BlobStore blobs;

    public BuildpackCacheClearing(Transactions tx, Jobs jobs, BlobStore blobs) {
        this.tx = tx;
        this.jobs = jobs;
        this.blobs = blobs;
    }

    public Job clear(Permissions perms) {
        Buildpacks.requireAdmin(perms);
        return tx.inTransaction(() -> jobs.enqueue(JOB, null, null));
    }

    @Override
    public String operation() {
        return JOB;
    }

    @Override
    public void perform(Job job) {
        blobs.deleteByPrefix(PREFIX);
    }
}
