package dev.capi.domain.metadata;

import dev.capi.model.Metadata;

import java.util.Collection;
import java.util.Map;

/** Port: labels and annotations of any resource, keyed by the resource's guid. */
public interface MetadataRepository {
    Metadata load(String resourceGuid);

    /** One query for a whole page of resources; guids without metadata map to {@link Metadata#empty()}. */
    Map<String, Metadata> loadAll(Collection<String> resourceGuids);

    void replace(String resourceGuid, String resourceType, Metadata metadata);

    void delete(String resourceGuid);
}
