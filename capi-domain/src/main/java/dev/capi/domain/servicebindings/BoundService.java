package dev.capi.domain.servicebindings;

import java.util.List;
import java.util.Map;

/**
 * One active app binding (create succeeded) with its instance, as {@code VCAP_SERVICES} presents it:
 * {@code offeringLabel}, {@code provider} and {@code planName} are null for user-provided instances;
 * {@code offeringTags} are merged before the instance's own tags.
 */
public record BoundService(String bindingGuid, String bindingName, Map<String, Object> credentials,
                           String syslogDrainUrl, List<Object> volumeMounts, String instanceGuid,
                           String instanceName, boolean userProvided, List<String> instanceTags,
                           String offeringLabel, String provider, List<String> offeringTags, String planName) {
}
