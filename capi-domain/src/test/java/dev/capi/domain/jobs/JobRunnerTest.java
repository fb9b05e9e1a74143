package dev.capi.domain.jobs;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunnerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJobs rows = new InMemoryJobs();
    private final List<String> performed = new ArrayList<>();

    private JobRunner runner(JobHandler... handlers) {
        return new JobRunner(rows, new ImmediateTransactions(), List.of(handlers), clock);
    }

    private JobHandler handler(String operation, Runnable work) {
        return new JobHandler() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public void perform(Job job) {
                performed.add(job.guid());
                work.run();
            }
        };
    }

    private void enqueue(String guid, String operation) {
        rows.insert(new Job(guid, clock.instant(), clock.instant(), operation, JobState.PROCESSING, null, null,
                List.of(), List.of()));
    }

    @Test
    void aProcessingJobRunsAndCompletes() {
        enqueue("j1", "thing.do");
        assertThat(runner(handler("thing.do", () -> { })).run("j1")).isTrue();
        assertThat(rows.find("j1").orElseThrow().state()).isEqualTo(JobState.COMPLETE);
        assertThat(performed).containsExactly("j1");
    }

    @Test
    void aJobHandedOverAgainAfterItFinishedDoesNotRunTwice() {
        enqueue("j1", "thing.do");
        JobRunner runner = runner(handler("thing.do", () -> { }));
        runner.run("j1");
        assertThat(runner.run("j1")).isFalse();
        assertThat(performed).containsExactly("j1");
    }

    @Test
    void aJobThatIsGoneIsSkipped() {
        assertThat(runner(handler("thing.do", () -> { })).run("never-enqueued")).isFalse();
        assertThat(performed).isEmpty();
    }

    @Test
    void aDomainFailureFailsTheJobWithItsError() {
        enqueue("j1", "thing.do");
        runner(handler("thing.do", () -> {
            throw CfException.unprocessable("No can do.");
        })).run("j1");
        Job failed = rows.find("j1").orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errors()).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("No can do."));
    }

    @Test
    void anUnexpectedFailureOrAMissingHandlerFailsTheJob() {
        enqueue("j1", "thing.do");
        enqueue("j2", "nobody.handles");
        JobRunner runner = runner(handler("thing.do", () -> {
            throw new IllegalStateException("boom");
        }));
        runner.run("j1");
        runner.run("j2");
        assertThat(rows.find("j1").orElseThrow().errors()).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo(CfError.UnknownError.title()));
        assertThat(rows.find("j2").orElseThrow().state()).isEqualTo(JobState.FAILED);
    }
}
