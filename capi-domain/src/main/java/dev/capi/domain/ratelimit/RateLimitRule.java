package dev.capi.domain.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One limit: at most {@code limit} requests per key in a window of {@code resetMinutes}. Windows are staggered per
 * key, as the reference staggers them: each key's windows are offset by a stable hash of the key, so that not every
 * counter resets at the same second.
 */
public record RateLimitRule(long limit, int resetMinutes) {

    public RateLimitRule {
        if (limit < 0) {
            throw new IllegalArgumentException("The rate limit must not be negative: " + limit);
        }
        if (resetMinutes < 1) {
            throw new IllegalArgumentException("The rate limit's reset interval must be at least one minute: "
                    + resetMinutes);
        }
    }

    /** The window length in seconds. */
    public long intervalSeconds() {
        return resetMinutes * 60L;
    }

    /** The epoch second at which the window holding {@code nowEpochSecond} ends for {@code key}. */
    public long windowEnd(String key, long nowEpochSecond) {
        long interval = intervalSeconds();
        long offset = offset(key, interval);
        long intoWindow = Math.floorMod(nowEpochSecond - offset, interval);
        return nowEpochSecond + (interval - intoWindow);
    }

    /** How many requests are left after {@code count} (never below zero). */
    public long remaining(long count) {
        return Math.max(0, limit - count);
    }

    /** Whether the {@code count}-th request of a window is past the limit. */
    public boolean exceeded(long count) {
        return count > limit;
    }

    private static long offset(String key, long interval) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % interval;
    }
}
