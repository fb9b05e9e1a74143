package dev.capi.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service offering from a broker's catalog ("service" in OSBAPI): {@code catalogId} is the broker's id for it,
 * {@code extra} the catalog's {@code metadata} object (shareable, documentationUrl, ...), {@code brokerSpaceGuid}
 * the space of a space-scoped broker (null for a global one).
 */
public record ServiceOffering(String guid, Instant createdAt, Instant updatedAt, String brokerGuid,
                              String brokerName, String brokerSpaceGuid, String catalogId, String name,
                              String description, boolean available, boolean bindable, boolean planUpdateable,
                              boolean instancesRetrievable, boolean bindingsRetrievable, boolean allowContextUpdates,
                              List<String> tags, List<String> requires, Map<String, Object> extra,
                              Metadata metadata) {
    public ServiceOffering {
        tags = tags == null ? List.of() : List.copyOf(tags);
        requires = requires == null ? List.of() : List.copyOf(requires);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    public ServiceOffering withMetadata(Metadata m) {
        return new ServiceOffering(guid, createdAt, updatedAt, brokerGuid, brokerName, brokerSpaceGuid, catalogId,
                name, description, available, bindable, planUpdateable, instancesRetrievable, bindingsRetrievable,
                allowContextUpdates, tags, requires, extra, m);
    }

    /** The catalog's {@code metadata.shareable}. */
    public boolean shareable() {
        return Boolean.TRUE.equals(extra.get("shareable"));
    }

    /** The catalog's {@code metadata.documentationUrl}, or "". */
    public String documentationUrl() {
        return extra.get("documentationUrl") instanceof String s ? s : "";
    }
}
