package dev.capi.domain.osbapi;

import java.time.Duration;

/**
 * How capi talks to brokers: {@code timeout} bounds each broker request (the reference's
 * {@code broker_client_timeout_seconds}, 60); {@code pollInterval} is the wait between {@code last_operation} polls
 * when the broker sends no {@code Retry-After} (the reference's 60 s default is too slow for a one-machine install:
 * 5 s here); {@code maximumPollingDuration} is when polling gives up for a plan that names no
 * {@code maximum_polling_duration} (the reference's {@code broker_client_max_async_poll_duration_minutes}, one week).
 */
public record BrokerSettings(Duration timeout, Duration pollInterval, Duration maximumPollingDuration) {
    public static BrokerSettings defaults() {
        return new BrokerSettings(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofDays(7));
    }

    public BrokerSettings withTimeout(Duration value) {
        return new BrokerSettings(value, pollInterval, maximumPollingDuration);
    }

    public BrokerSettings withPollInterval(Duration value) {
        return new BrokerSettings(timeout, value, maximumPollingDuration);
    }
}
