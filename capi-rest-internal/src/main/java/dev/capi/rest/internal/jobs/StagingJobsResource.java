package dev.capi.rest.internal.jobs;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Timestamps;
import dev.capi.model.Job;
import dev.capi.rest.internal.support.InternalJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.jobs.Jobs;

/**
 * {@code GET /internal/v4/staging_jobs/:guid}: the uploader polls its droplet upload job here; the V2-style job
 * document ({@code metadata} + {@code entity.status} queued/running/finished/failed).
 */
@Path("/internal/v4/staging_jobs")
public final class StagingJobsResource {
    private final Jobs jobs;

    @Inject
    public StagingJobsResource(Jobs jobs) {
        this.jobs = jobs;
    }


    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        Job job = jobs.find(guid).orElseThrow(() -> CfException.notFound("Job"));
        return Response.ok(InternalJson.write(document(job)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The V2-style job document uploaders poll. */
    public static com.fasterxml.jackson.databind.node.ObjectNode document(Job job) {
        var doc = InternalJson.object();
        var metadata = doc.putObject("metadata");
        metadata.put("guid", job.guid());
        metadata.put("created_at", Timestamps.format(job.createdAt()));
        metadata.put("url", "/internal/v4/staging_jobs/" + job.guid());
        var entity = doc.putObject("entity");
        entity.put("guid", job.guid());
        entity.put("status", switch (job.state()) {
            case PROCESSING, POLLING -> "running";
            case COMPLETE -> "finished";
            case FAILED -> "failed";
        });
        if (!job.errors().isEmpty()) {
            var e = job.errors().get(0);
            entity.putObject("error_details").put("error_code", e.title()).put("description", e.detail())
                    .put("code", e.code());
        }
        return doc;
    }
}
