package dev.capi.domain.manifests;

import dev.capi.model.MetadataUpdate;

import java.util.List;
import java.util.Map;

/**
 * One application of a manifest, validated by the REST layer: what {@code apply_manifest} makes true. Null means
 * "not given, leave as is". The web process's top-level keys arrive as a {@code web} entry of {@code processes}.
 */
public record AppManifest(String name, Map<String, Object> env, List<Process> processes, List<String> buildpacks,
                          String stack, String dockerImage, Boolean noRoute, Boolean randomRoute, Boolean defaultRoute,
                          List<RouteEntry> routes, List<String> services, MetadataUpdate metadata,
                          List<SidecarEntry> sidecars) {
    public AppManifest {
        processes = processes == null ? List.of() : List.copyOf(processes);
        sidecars = sidecars == null ? List.of() : List.copyOf(sidecars);
    }

    /** A sidecar to create or update by name. */
    public record SidecarEntry(String name, String command, List<String> processTypes, Long memoryInMb) {
    }

    /** A process of the app: its type and the fields given for it. */
    public record Process(String type, String command, Integer instances, Long memoryInMb, Long diskInMb,
                          Long logRateLimit, String healthCheckType, String healthCheckEndpoint,
                          Integer healthCheckTimeout, Integer healthCheckInvocationTimeout) {
        /** Whether anything beyond the type was given. */
        boolean updates() {
            return command != null || healthCheckType != null || healthCheckEndpoint != null
                    || healthCheckTimeout != null || healthCheckInvocationTimeout != null;
        }

        boolean scales() {
            return instances != null || memoryInMb != null || diskInMb != null || logRateLimit != null;
        }
    }

    /** A route to map: {@code host.domain/path} or {@code domain:port}, with an optional protocol. */
    public record RouteEntry(String route, String protocol) {
    }
}
