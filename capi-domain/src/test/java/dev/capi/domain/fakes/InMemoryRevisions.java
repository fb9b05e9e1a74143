package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.revisions.RevisionRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Revision;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Revisions in a map, in insertion order; lists apply only the {@code app_guids} filter, and "deployed" means the
 * revisions that {@code deployed} names (the SQL joining processes is tested in persistence).
 */
public final class InMemoryRevisions implements RevisionRepository {
    private final Map<String, Revision> rows = new LinkedHashMap<>();
    private final Map<String, Instant> touched = new LinkedHashMap<>();
    public final List<String> deployed = new java.util.ArrayList<>();

    @Override
    public Optional<Revision> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<Revision> latestForApp(String appGuid) {
        return rows.values().stream().filter(r -> r.appGuid().equals(appGuid))
                .max(Comparator.comparingInt(Revision::version));
    }

    @Override
    public Page<Revision> list(ListQuery query) {
        List<String> apps = query.filter("app_guids");
        var matching = rows.values().stream().filter(r -> apps == null || apps.contains(r.appGuid())).toList();
        return new Page<>(matching, matching.size());
    }

    @Override
    public Page<Revision> deployedForApp(String appGuid, ListQuery query) {
        var matching = rows.values().stream().filter(r -> r.appGuid().equals(appGuid) && deployed.contains(r.guid()))
                .toList();
        return new Page<>(matching, matching.size());
    }

    @Override
    public void insert(Revision r) {
        rows.put(r.guid(), r.withMetadata(Metadata.empty()));
    }

    @Override
    public void touch(String guid, Instant at) {
        touched.put(guid, at);
    }

    /** When the revision was last touched by an update, if ever. */
    public Optional<Instant> touchedAt(String guid) {
        return Optional.ofNullable(touched.get(guid));
    }
}
