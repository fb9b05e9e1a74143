package dev.capi.domain.servicebindings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a broker's answer to bind, unbind or last_operation means, as the reference's response parser decides. */
sealed interface BrokerOutcome {
    /** Bound now (200/201): what the broker gave. */
    record Bound(Map<String, Object> credentials, String syslogDrainUrl, String routeServiceUrl,
                 List<Object> volumeMounts) implements BrokerOutcome {
    }

    /** Unbound now (200, or 410: already gone). */
    record Unbound() implements BrokerOutcome {
    }

    /** Accepted (202): poll last_operation with this operation. */
    record Accepted(String operation) implements BrokerOutcome {
    }

    /** Refused or unusable; {@code orphan}: the broker may hold a binding it must be asked to remove. */
    record Failed(String message, boolean orphan) implements BrokerOutcome {
    }

    /** A last_operation answer: state {@code in progress}, {@code succeeded} or {@code failed}. */
    record Progress(String state, String description, Optional<Duration> retryAfter) implements BrokerOutcome {
    }
}
