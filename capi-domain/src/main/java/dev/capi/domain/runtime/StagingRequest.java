package dev.capi.domain.runtime;

import java.util.List;
import java.util.Map;

/** A build to stage: the package's bits, the lifecycle to use and the staging resources. */
public record StagingRequest(String buildGuid, String appGuid, String packageGuid, String lifecycleType,
                             List<String> buildpacks, String stack, long memoryInMb, long diskInMb,
                             long logRateLimit, Map<String, String> environment) {
    public StagingRequest {
        buildpacks = buildpacks == null ? List.of() : List.copyOf(buildpacks);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
