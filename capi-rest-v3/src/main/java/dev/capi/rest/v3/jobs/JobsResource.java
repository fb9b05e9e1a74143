package dev.capi.rest.v3.jobs;

import dev.capi.domain.errors.CfException;
import dev.capi.model.JobState;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.jobs.Jobs;
import jakarta.inject.Inject;

/** {@code GET /v3/jobs/:guid}: any reader may poll any job by guid, as in the reference. */
@Path("/v3/jobs")
public final class JobsResource extends V3Resource {
    private final Jobs jobs;

    @Inject
    public JobsResource(Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var job = jobs.find(guid).orElseThrow(() -> CfException.notFound("Job"));
        boolean resourceExists = job.state() != JobState.COMPLETE || !job.operation().endsWith(".delete");
        return ok(JobPresenter.present(job, resourceExists, links));
    }
}
