package dev.capi.server.runtime.local;

import java.time.Duration;

/**
 * When a crashed instance starts again, as Diego decides: the first three crashes restart at once, then after 30 s,
 * doubling each time up to 16 minutes; an instance that ran five minutes without crashing starts counting afresh.
 */
final class RestartBackoff {
    static final Duration RESET_AFTER = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofMinutes(16);

    private RestartBackoff() {
    }

    /** The wait before the restart that follows crash number {@code crashCount} (1 for the first crash). */
    static Duration delay(int crashCount) {
        if (crashCount <= 3) {
            return Duration.ZERO;
        }
        int doublings = Math.min(crashCount - 4, 10);
        Duration delay = Duration.ofSeconds(30).multipliedBy(1L << doublings);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
