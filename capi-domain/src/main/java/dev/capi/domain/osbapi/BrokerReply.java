package dev.capi.domain.osbapi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A broker's HTTP answer, as data: the status, the body parsed as a JSON object ({@code body} is empty when the body
 * was empty; {@code malformed} is true when it was present but not a JSON object), and the {@code Retry-After}
 * header when the broker sent one. What a status means is decided by the domain, operation by operation, as the
 * reference's response parser does; the adapter only speaks HTTP.
 */
public record BrokerReply(int status, Map<String, Object> body, boolean malformed, Optional<Duration> retryAfter) {
    public BrokerReply {
        body = body == null ? Map.of() : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public boolean is(int expected) {
        return status == expected;
    }

    /** A string field of the body, or empty when absent or not a string. */
    public Optional<String> string(String key) {
        return body.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
