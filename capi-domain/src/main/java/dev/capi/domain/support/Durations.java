package dev.capi.domain.support;

import java.time.Duration;

/** Checks on configured durations. */
public final class Durations {
    private Durations() {
    }

    /** {@code value} when it is set and not negative; otherwise "the {@code what} must not be negative". */
    public static Duration requireNonNegative(Duration value, String what) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative: " + value);
        }
        return value;
    }
}
