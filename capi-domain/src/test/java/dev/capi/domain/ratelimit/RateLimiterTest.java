package dev.capi.domain.ratelimit;

import dev.capi.domain.auth.Principal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final InMemoryRequestCounts counts = new InMemoryRequestCounts();
    private Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private RateLimiter limiter(RateLimits limits) {
        return new RateLimiter(counts, limits, clock);
    }

    private static Principal user(String guid, String... scopes) {
        return new Principal(guid, guid, "uaa", "cf", Set.of(scopes));
    }

    @Test
    void offLimitsNothing() {
        assertThat(limiter(RateLimits.off()).count(user("u1", Principal.READ), "10.0.0.1")).isEmpty();
        assertThat(counts.rows()).isEmpty();
    }

    @Test
    void userPastTheLimitIsRefusedUntilTheWindowEnds() {
        var limiter = limiter(RateLimits.on(3, 1, 1));
        var first = limiter.count(user("u1", Principal.READ), "10.0.0.1").orElseThrow();
        assertThat(first.limit()).isEqualTo(3);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.exceeded()).isFalse();
        assertThat(first.authenticated()).isTrue();
        assertThat(first.resetEpochSecond()).isEqualTo(1_700_000_000L + first.retryAfterSeconds());
        limiter.count(user("u1", Principal.READ), "10.0.0.1");
        var third = limiter.count(user("u1", Principal.READ), "10.0.0.1").orElseThrow();
        assertThat(third.remaining()).isZero();
        assertThat(third.exceeded()).isFalse();
        var fourth = limiter.count(user("u1", Principal.READ), "10.0.0.1").orElseThrow();
        assertThat(fourth.exceeded()).isTrue();
        assertThat(fourth.retryAfterSeconds()).isBetween(1L, 60L);

        clock = Clock.fixed(Instant.ofEpochSecond(fourth.resetEpochSecond()), ZoneOffset.UTC);
        var afterReset = limiter(RateLimits.on(3, 1, 1)).count(user("u1", Principal.READ), "10.0.0.1").orElseThrow();
        assertThat(afterReset.exceeded()).isFalse();
        assertThat(afterReset.remaining()).isEqualTo(2);
    }

    @Test
    void usersAreCountedApartFromEachOtherAndFromTheirAddress() {
        var limiter = limiter(RateLimits.on(1, 1, 1));
        assertThat(limiter.count(user("u1", Principal.READ), "10.0.0.1").orElseThrow().exceeded()).isFalse();
        assertThat(limiter.count(user("u2", Principal.READ), "10.0.0.1").orElseThrow().exceeded()).isFalse();
        assertThat(limiter.count(null, "10.0.0.1").orElseThrow().exceeded()).isFalse();
        assertThat(limiter.count(user("u1", Principal.READ), "10.0.0.1").orElseThrow().exceeded()).isTrue();
    }

    @Test
    void unauthenticatedCallersAreCountedByAddressWithTheirOwnLimit() {
        var limiter = limiter(RateLimits.on(100, 2, 1));
        var first = limiter.count(null, "10.0.0.1").orElseThrow();
        assertThat(first.limit()).isEqualTo(2);
        assertThat(first.authenticated()).isFalse();
        limiter.count(null, "10.0.0.1");
        assertThat(limiter.count(null, "10.0.0.1").orElseThrow().exceeded()).isTrue();
        assertThat(limiter.count(null, "10.0.0.2").orElseThrow().exceeded()).isFalse();
    }

    @Test
    void adminsAndReadOnlyAdminsAreNotLimited() {
        var limiter = limiter(RateLimits.on(1, 1, 1));
        assertThat(limiter.count(user("a", Principal.ADMIN), "10.0.0.1")).isEmpty();
        assertThat(limiter.count(user("r", Principal.ADMIN_READ_ONLY), "10.0.0.1")).isEmpty();
        assertThat(limiter.count(user("g", Principal.GLOBAL_AUDITOR), "10.0.0.1")).isPresent();
    }

    @Test
    void overlongKeysAreHashedToFitTheTable() {
        String key = RateLimiter.key("ip:" + "x".repeat(1000));
        assertThat(key).startsWith("sha256:").hasSizeLessThanOrEqualTo(RateLimiter.MAX_KEY_LENGTH);
        assertThat(RateLimiter.key("user:u1")).isEqualTo("user:u1");
    }
}
