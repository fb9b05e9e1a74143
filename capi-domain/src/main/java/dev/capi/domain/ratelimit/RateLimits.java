package dev.capi.domain.ratelimit;

/**
 * The rate limiter's configuration (the reference's {@code rate_limiter} block, with global limits since the counts
 * are shared by every node): requests per window for authenticated users and for unauthenticated callers (by client
 * address), and the window in minutes. Off by default, as in the reference.
 */
public record RateLimits(boolean enabled, long generalLimit, long unauthenticatedLimit, int resetMinutes) {
    /** The reference's global defaults: 20000 requests per user, 1000 per unauthenticated address, per 60 minutes. */
    public static final long DEFAULT_GENERAL = 20000;
    public static final long DEFAULT_UNAUTHENTICATED = 1000;
    public static final int DEFAULT_RESET_MINUTES = 60;

    public RateLimits {
        if (enabled) {
            new RateLimitRule(generalLimit, resetMinutes);
            new RateLimitRule(unauthenticatedLimit, resetMinutes);
        }
    }

    public static RateLimits off() {
        return new RateLimits(false, DEFAULT_GENERAL, DEFAULT_UNAUTHENTICATED, DEFAULT_RESET_MINUTES);
    }

    public static RateLimits on(long generalLimit, long unauthenticatedLimit, int resetMinutes) {
        return new RateLimits(true, generalLimit, unauthenticatedLimit, resetMinutes);
    }

    /**
     * The limits as configured (each value may be null or blank: not set). Setting any of them turns the limiter on;
     * the ones not set take the reference's defaults. Values that are not whole numbers, negative limits and an
     * interval under one minute are refused.
     */
    public static RateLimits configured(String general, String unauthenticated, String resetMinutes) {
        if (blank(general) && blank(unauthenticated) && blank(resetMinutes)) {
            return off();
        }
        long reset = number("reset minutes", resetMinutes, DEFAULT_RESET_MINUTES);
        if (reset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The rate limit's reset minutes are too many: " + resetMinutes);
        }
        return on(number("general", general, DEFAULT_GENERAL),
                number("unauthenticated", unauthenticated, DEFAULT_UNAUTHENTICATED), (int) reset);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long number(String name, String value, long fallback) {
        if (blank(value)) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The rate limit's " + name + " must be a whole number: " + value);
        }
    }

    public RateLimitRule general() {
        return new RateLimitRule(generalLimit, resetMinutes);
    }

    public RateLimitRule unauthenticated() {
        return new RateLimitRule(unauthenticatedLimit, resetMinutes);
    }
}
