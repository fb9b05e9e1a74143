package dev.capi.domain.routes;

import dev.capi.model.MetadataUpdate;

import java.util.List;
import java.util.Map;

/** The commands the route use cases accept (validated by the REST messages); options are the raw JSON scalars. */
public final class RouteCommands {
    private RouteCommands() {
    }

    /**
     * Create: host and path (null: none), port (null: none; {@code portGiven} false lets a TCP domain pick a random
     * one), owning space, domain, normalized options (null when not given), metadata, and the request as the audit
     * event records it.
     */
    public record Create(String host, String path, Integer port, boolean portGiven, String spaceGuid,
                         String domainGuid, Map<String, Object> options, MetadataUpdate metadata,
                         Map<String, Object> auditRequest) {
        public boolean wildcard() {
            return "*".equals(host);
        }
    }

    /** Update: options to merge (a null value removes the key; null map: unchanged) and metadata. */
    public record Update(Map<String, Object> options, MetadataUpdate metadata) {
    }

    /** One requested destination: app, process type (web by default), port, weight and protocol (null: default). */
    public record Destination(String appGuid, String processType, Integer port, Integer weight, String protocol) {
    }

    /** The destination list's filters. */
    public record DestinationFilter(List<String> guids, List<String> appGuids) {
    }
}
