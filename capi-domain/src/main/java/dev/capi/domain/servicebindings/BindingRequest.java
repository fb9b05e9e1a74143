package dev.capi.domain.servicebindings;

import java.util.Map;

/**
 * What a bind or unbind job needs from the request that started it: the parameters to send the broker (null: none)
 * and the acting user (guid and name) for the broker's originating identity and the job's audit events.
 */
public record BindingRequest(Map<String, Object> parameters, String actorGuid, String actorName) {
}
