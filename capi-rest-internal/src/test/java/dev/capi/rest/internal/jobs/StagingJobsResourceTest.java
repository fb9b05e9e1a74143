package dev.capi.rest.internal.jobs;

import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.rest.internal.support.InternalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.capi.rest.internal.support.Json.assertError;
import static dev.capi.rest.internal.support.Json.body;
import static org.assertj.core.api.Assertions.assertThat;

class StagingJobsResourceTest {
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    private final InternalApiServer api = new InternalApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private Job job(JobState state, List<Job.JobError> errors) {
        var job = new Job(api.domain.nextGuid(), CREATED, CREATED, "droplet.upload", state, "droplets", "d-1",
                errors, List.of());
        api.domain.jobs.insert(job);
        return job;
    }

    @Test
    void aRunningJobIsTheV2StyleDocument() {
        var job = job(JobState.PROCESSING, List.of());

        var response = api.get("/internal/v4/staging_jobs/" + job.guid());

        assertThat(response.statusCode()).isEqualTo(200);
        var doc = body(response);
        assertThat(doc.at("/metadata/guid").asText()).isEqualTo(job.guid());
        assertThat(doc.at("/metadata/created_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(doc.at("/metadata/url").asText()).isEqualTo("/internal/v4/staging_jobs/" + job.guid());
        assertThat(doc.at("/entity/guid").asText()).isEqualTo(job.guid());
        assertThat(doc.at("/entity/status").asText()).isEqualTo("running");
        assertThat(doc.at("/entity").has("error_details")).isFalse();
    }

    @Test
    void finishedAndFailedJobsSaySoWithTheFirstErrorsDetails() {
        assertThat(body(api.get("/internal/v4/staging_jobs/" + job(JobState.COMPLETE, List.of()).guid()))
                .at("/entity/status").asText()).isEqualTo("finished");
        var failed = job(JobState.FAILED, List.of(new Job.JobError(170001, "CF-StagingError", "Staging error: boom")));

        var doc = body(api.get("/internal/v4/staging_jobs/" + failed.guid()));

        assertThat(doc.at("/entity/status").asText()).isEqualTo("failed");
        assertThat(doc.at("/entity/error_details/error_code").asText()).isEqualTo("CF-StagingError");
        assertThat(doc.at("/entity/error_details/description").asText()).isEqualTo("Staging error: boom");
        assertThat(doc.at("/entity/error_details/code").asInt()).isEqualTo(170001);
    }

    @Test
    void anUnknownJobIs404() {
        assertError(api.get("/internal/v4/staging_jobs/no-such-job"), 404, "CF-ResourceNotFound", 10010,
                "Job not found");
    }
}
