package dev.capi.domain.runtime;

import java.util.Map;

/**
 * What the runtime should run for one process: its guid and version (a new version replaces every instance), the
 * droplet, command, instance count and resources, health check and environment.
 */
public record DesiredProcess(String processGuid, String version, String appGuid, String type, String dropletGuid,
                             String command, String user, int instances, long memoryInMb, long diskInMb,
                             long logRateLimit, int fileDescriptors, String healthCheckType,
                             String healthCheckEndpoint, Integer healthCheckTimeout, String isolationSegment,
                             Map<String, String> environment) {
    public DesiredProcess {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
