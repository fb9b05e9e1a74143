package dev.capi.domain.events;

import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryAuditEventLog;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PruningTest {
    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    private final InMemoryJobs jobs = new InMemoryJobs();
    private final Pruning pruning = new Pruning(events, jobs, new ImmediateTransactions(),
            Clock.fixed(now, ZoneOffset.UTC));

    private void event(String guid, Duration age) {
        events.insert(new AuditEvent(guid, now.minus(age), "audit.test", new AuditEvent.Actor("u", "user", "u"),
                new AuditEvent.Target("t", "thing", "t"), Map.of(), null, null));
    }

    private void job(String guid, JobState state, Duration age) {
        jobs.insert(new Job(guid, now.minus(age), now.minus(age), "op", state, null, null, List.of(), List.of()));
    }

    @Test
    void auditEventsOlderThan31DaysArePruned() {
        event("old", Duration.ofDays(32));
        event("recent", Duration.ofDays(30));
        pruning.run();
        assertThat(events.find("old")).isEmpty();
        assertThat(events.find("recent")).isPresent();
    }

    @Test
    void onlyFinishedJobsOlderThan90DaysArePruned() {
        job("old-done", JobState.COMPLETE, Duration.ofDays(91));
        job("old-failed", JobState.FAILED, Duration.ofDays(91));
        job("old-running", JobState.PROCESSING, Duration.ofDays(91));
        job("recent-done", JobState.COMPLETE, Duration.ofDays(10));
        assertThat(pruning.run()).isEqualTo(2);
        assertThat(jobs.find("old-done")).isEmpty();
        assertThat(jobs.find("old-running")).isPresent();
        assertThat(jobs.find("recent-done")).isPresent();
    }
}
