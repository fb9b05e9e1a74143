package dev.capi.server.osbapi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("30", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 10:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void ignoresAnythingElse() {
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999", now)).isEmpty();
    }
}
