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

    /** The blob key of the app's cache for a stack. */
    static String key(String appGuid, String stack) {
        return prefix(appGuid) + "/" + stack;
    }

    /**
     * Stores the cache a stager uploads for the app and stack ({@code POST
     * /internal/v4/buildpack_cache/:stack/:app_guid/upload}); 404 "App not found" for an unknown app.
     */
    public void store(String appGuid, String stack, java.io.InputStream content) {
        tx.inTransaction(() -> access.existing(appGuid));
        blobs.put(key(appGuid, requireStackName(stack)), content, Long.MAX_VALUE);
    }

    /** The cache a stager downloads before staging; 404 "Buildpack cache not found" when there is none. */
    public java.io.InputStream open(String appGuid, String stack) {
        tx.inTransaction(() -> access.existing(appGuid));
        String key = key(appGuid, requireStackName(stack));
        if (!blobs.exists(key)) {
            throw dev.capi.domain.errors.CfException.notFound("Buildpack cache");
        }
        return blobs.open(key);
    }

    private static String requireStackName(String stack) {
        if (stack == null || !stack.matches("[A-Za-z0-9._-]+") || stack.equals(".") || stack.equals("..")) {
            throw dev.capi.domain.errors.CfException.notFound("Buildpack cache");
        }
        return stack;
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
