package dev.capi.domain.jobs;

import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class JobPollingHandOffTest {
    private final InMemoryJobs rows = new InMemoryJobs();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger();
    private final Jobs jobs = new Jobs(rows, clock, () -> "job-" + ids.incrementAndGet());

    private JobRunner runnerOf(JobHandler handler) {
        return new JobRunner(rows, new ImmediateTransactions(), List.of(handler), clock);
    }

    private JobHandler handler(String operation, java.util.function.Consumer<Job> work) {
        return new JobHandler() {
            public String operation() {
                return operation;
            }

            public void perform(Job job) {
                work.accept(job);
            }
        };
    }

    @Test
    void aJobItsHandlerHandsOffStaysPollingUntilCompleted() {
        var runner = runnerOf(handler("service_instance.create", jobs::markPolling));
        Job job = jobs.enqueue("service_instance.create", "service_instances", "si-1");

        assertThat(runner.run(job.guid())).isTrue();
        assertThat(jobs.find(job.guid()).orElseThrow().state()).isEqualTo(JobState.POLLING);
        assertThat(runner.run(job.guid())).as("a polling job handed over again does not run again").isFalse();

        jobs.complete(job.guid());
        assertThat(jobs.find(job.guid()).orElseThrow().state()).isEqualTo(JobState.COMPLETE);
    }

    @Test
    void aPollingJobCanFailWithTheErrorItsFollowUpFound() {
        var runner = runnerOf(handler("service_instance.create", jobs::markPolling));
        Job job = jobs.enqueue("service_instance.create", "service_instances", "si-1");
        runner.run(job.guid());

        jobs.fail(job.guid(), new Job.JobError(10001, "CF-ServiceBrokerRequestRejected", "broker said no"));

        Job failed = jobs.find(job.guid()).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errors()).extracting(Job.JobError::detail).containsExactly("broker said no");
    }

    @Test
    void aHandlerThatReturnsNormallyCompletesItsJob() {
        var runner = runnerOf(handler("thing.delete", job -> { }));
        Job job = jobs.enqueue("thing.delete", "things", "t-1");

        runner.run(job.guid());

        assertThat(jobs.find(job.guid()).orElseThrow().state()).isEqualTo(JobState.COMPLETE);
    }
}
