package dev.capi.domain.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitRuleTest {
    private final RateLimitRule rule = new RateLimitRule(3, 1);

    @Test
    void windowEndsWithinOneIntervalAfterNow() {
        for (long now = 1_700_000_000L; now < 1_700_000_000L + 200; now++) {
            long end = rule.windowEnd("user:u1", now);
            assertThat(end).isGreaterThan(now).isLessThanOrEqualTo(now + 60);
        }
    }

    @Test
    void windowEndIsStableWithinAWindowAndMovesByOneIntervalAfterIt() {
        long now = 1_700_000_000L;
        long end = rule.windowEnd("user:u1", now);
        assertThat(rule.windowEnd("user:u1", end - 1)).isEqualTo(end);
        assertThat(rule.windowEnd("user:u1", end)).isEqualTo(end + 60);
    }

    @Test
    void windowsAreStaggeredByKey() {
        long now = 1_700_000_000L;
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> rule.windowEnd("user:u" + i, now)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertThat(rule.remaining(1)).isEqualTo(2);
        assertThat(rule.remaining(3)).isZero();
        assertThat(rule.remaining(7)).isZero();
    }

    @Test
    void onlyRequestsPastTheLimitAreExceeded() {
        assertThat(rule.exceeded(3)).isFalse();
        assertThat(rule.exceeded(4)).isTrue();
    }

    @Test
    void refusesNegativeLimitsAndEmptyIntervals() {
        assertThatThrownBy(() -> new RateLimitRule(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitRule(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
