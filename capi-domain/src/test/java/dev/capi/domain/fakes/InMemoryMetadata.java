package dev.capi.domain.fakes;

import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.model.Metadata;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Metadata in a map keyed by resource guid. */
public final class InMemoryMetadata implements MetadataRepository {
    private final Map<String, Metadata> rows = new HashMap<>();

    @Override
    public Metadata load(String resourceGuid) {
        return rows.getOrDefault(resourceGuid, Metadata.empty());
    }

    @Override
    public Map<String, Metadata> loadAll(Collection<String> guids) {
        Map<String, Metadata> result = new HashMap<>();
        guids.forEach(g -> result.put(g, load(g)));
        return result;
    }

    @Override
    public void replace(String resourceGuid, String resourceType, Metadata metadata) {
        rows.put(resourceGuid, metadata);
    }

    @Override
    public void delete(String resourceGuid) {
        rows.remove(resourceGuid);
    }
}
