package dev.capi.domain.servicebindings;

import java.time.Instant;

/**
 * A binding whose job is still open: the job to finish, when the poller looks again, and when it gives up (null: never,
 * the plan has no maximum polling duration).
 */
public record PollSchedule(String jobGuid, Instant nextPollAt, Instant deadline) {
}
