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

    public RateLimitRule general() {
        return new RateLimitRule(generalLimit, resetMinutes);
    }

    public RateLimitRule unauthenticated() {
        return new RateLimitRule(unauthenticatedLimit, resetMinutes);
    }
}
