package dev.capi.domain.runtime;

import java.util.Map;

/** A one-off task to run from an app's droplet. */
public record TaskRequest(String taskGuid, String appGuid, String dropletGuid, String command, long memoryInMb,
                          long diskInMb, long logRateLimit, Map<String, String> environment) {
    public TaskRequest {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
