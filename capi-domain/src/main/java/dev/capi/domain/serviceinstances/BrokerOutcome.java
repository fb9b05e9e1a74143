package dev.capi.domain.serviceinstances;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a broker's answer to a provision, update, deprovision or last_operation means for the instance: finished
 * ({@code SUCCEEDED}), going on ({@code IN_PROGRESS}, with the broker's operation id and Retry-After) or
 * {@code FAILED} with the reference's description; {@code mitigateOrphan} asks for the deprovision the reference
 * sends after a provision that may have left an instance behind. {@code jobError} names the reference's job error
 * when it is not UnableToPerform (e.g. AsyncServiceInstanceOperationInProgress).
 */
public record BrokerOutcome(Kind kind, String description, String operation, String dashboardUrl,
                            boolean mitigateOrphan, Optional<Duration> retryAfter, Map<String, Object> body) {
    public enum Kind { SUCCEEDED, IN_PROGRESS, FAILED }

    public BrokerOutcome {
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        body = body == null ? Map.of() : body;
    }

    static BrokerOutcome succeeded(String description, String dashboardUrl, Map<String, Object> body) {
        return new BrokerOutcome(Kind.SUCCEEDED, description, null, dashboardUrl, false, Optional.empty(), body);
    }

    static BrokerOutcome inProgress(String description, String operation, Optional<Duration> retryAfter) {
        return new BrokerOutcome(Kind.IN_PROGRESS, description, operation, null, false, retryAfter, Map.of());
    }

    static BrokerOutcome failed(String description, boolean mitigateOrphan) {
        return new BrokerOutcome(Kind.FAILED, description, null, null, mitigateOrphan, Optional.empty(), Map.of());
    }

    public boolean is(Kind k) {
        return kind == k;
    }
}
