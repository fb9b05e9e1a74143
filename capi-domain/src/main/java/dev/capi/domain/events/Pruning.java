package dev.capi.domain.events;

import dev.capi.domain.jobs.JobRepository;
import dev.capi.domain.support.Transactions;

import java.time.Clock;
import java.time.Duration;

/**
 * Removes what the reference prunes: audit events older than 31 days and finished jobs older than 90 days
 * ({@code audit_events.cutoff_age_in_days}, {@code pollable_jobs.cutoff_age_in_days}). Idempotent, so every node
 * may run it.
 */
public final class Pruning {
    public static final Duration AUDIT_EVENT_AGE = Duration.ofDays(31);
    public static final Duration JOB_AGE = Duration.ofDays(90);

    private final AuditEventRepository auditEvents;
    private final JobRepository jobs;
    private final Transactions tx;
    private final Clock clock;

    public Pruning(AuditEventRepository auditEvents, JobRepository jobs, Transactions tx, Clock clock) {
        this.auditEvents = auditEvents;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** Prunes once; returns the number of rows removed. */
    public int run() {
        return tx.inTransaction(() -> auditEvents.deleteOlderThan(clock.instant().minus(AUDIT_EVENT_AGE))
                + jobs.deleteFinishedBefore(clock.instant().minus(JOB_AGE)));
    }
}
