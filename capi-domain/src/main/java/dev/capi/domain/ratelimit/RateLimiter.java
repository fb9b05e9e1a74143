package dev.capi.domain.ratelimit;

import dev.capi.domain.auth.Principal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Counts a request against its caller's limit: an authenticated user by user guid, anyone else by client address.
 * Admins and read-only admins are not limited (the reference's admin limit is unlimited by default).
 */
public final class RateLimiter {
    static final int MAX_KEY_LENGTH = 255;

    private final RequestCounts counts;
    private final RateLimits limits;
    private final Clock clock;

    public RateLimiter(RequestCounts counts, RateLimits limits, Clock clock) {
        this.counts = counts;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code principal} (null when unauthenticated) coming from {@code clientAddress};
     * empty when the caller is not limited.
     */
    public Optional<RateLimitStatus> count(Principal principal, String clientAddress) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        if (principal != null && principal.canReadSecretsGlobally()) {
            return Optional.empty();
        }
        boolean authenticated = principal != null;
        RateLimitRule rule = authenticated ? limits.general() : limits.unauthenticated();
        String key = key(authenticated ? "user:" + principal.userGuid() : "ip:" + clientAddress);
        long now = clock.instant().getEpochSecond();
        RequestCounts.RequestCount counted = counts.increment(key, now, rule.windowEnd(key, now));
        long retryAfter = Math.max(0, counted.validUntilEpochSecond() - now);
        return Optional.of(new RateLimitStatus(rule.limit(), rule.remaining(counted.count()),
                counted.validUntilEpochSecond(), retryAfter, rule.exceeded(counted.count()), authenticated));
    }

    /** The counter's key: as given, or (too long for the table) its SHA-256. */
    static String key(String raw) {
        if (raw.length() <= MAX_KEY_LENGTH) {
            return raw;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
