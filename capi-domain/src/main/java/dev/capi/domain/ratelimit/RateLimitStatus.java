package dev.capi.domain.ratelimit;

/**
 * Where a caller stands after counting its request: the limit, what is left, the epoch second the window ends,
 * the seconds until then, whether this request is past the limit, and whether the caller was authenticated (the
 * reference answers unauthenticated callers with a different error).
 */
public record RateLimitStatus(long limit, long remaining, long resetEpochSecond, long retryAfterSeconds,
                              boolean exceeded, boolean authenticated) {
}
