package dev.capi.domain.ratelimit;

/**
 * Request counters shared by every server node (the reference keeps them in Redis): one counter per key, valid until
 * an instant; an expired counter starts again at one.
 */
public interface RequestCounts {

    /**
     * Counts one request for {@code key} atomically: adds one to a counter still valid at {@code nowEpochSecond},
     * or starts a new counter at one, valid until {@code windowEndEpochSecond}. Returns the counter after the change.
     */
    RequestCount increment(String key, long nowEpochSecond, long windowEndEpochSecond);

    /** A counter's value and the epoch second its window ends. */
    record RequestCount(long count, long validUntilEpochSecond) {
    }
}
