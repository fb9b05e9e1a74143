package dev.capi.rest.internal;

import dev.capi.rest.internal.jobs.StagingJobsResource;
import dev.capi.rest.internal.logging.LogAccessResource;
import dev.capi.rest.internal.logging.SyslogDrainUrlsResource;
import dev.capi.rest.internal.metrics.MetricsResource;
import dev.capi.rest.internal.securitygroups.AsgLatestUpdateResource;
import dev.capi.rest.internal.support.InternalErrorMapper;

import java.util.List;

/** Every JAX-RS class of the internal API (the mutual-TLS listener), for the assembly to register. */
public final class InternalApi {
    private InternalApi() {
    }

    public static List<Class<?>> resources() {
        return List.of(MetricsResource.class, StagingJobsResource.class, SyslogDrainUrlsResource.class,
                AsgLatestUpdateResource.class, LogAccessResource.class,
                dev.capi.rest.internal.buildpacks.BuildpackBitsResource.class,
                dev.capi.rest.internal.buildpacks.BuildpackCacheResources.Upload.class,
                dev.capi.rest.internal.buildpacks.BuildpackCacheResources.Download.class,
                dev.capi.rest.internal.packages.InternalPackagesResources.Report.class,
                dev.capi.rest.internal.packages.InternalPackagesResources.Download.class,
                dev.capi.rest.internal.staging.StagingCompletionResource.class,
                dev.capi.rest.internal.staging.InternalDropletResources.Upload.class,
                dev.capi.rest.internal.staging.InternalDropletResources.StagingDownload.class,
                dev.capi.rest.internal.staging.InternalDropletResources.Permalink.class,
                dev.capi.rest.internal.tasks.TaskCompletionResource.class,
                dev.capi.rest.internal.apps.ProcessCrashResource.class,
                dev.capi.rest.internal.apps.SshAccessResource.class);
    }

    public static List<Class<?>> providers() {
        return List.of(InternalErrorMapper.class, org.glassfish.jersey.media.multipart.MultiPartFeature.class);
    }
}
