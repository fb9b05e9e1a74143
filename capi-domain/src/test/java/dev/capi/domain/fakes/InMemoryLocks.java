package dev.capi.domain.fakes;

import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Lock;
import dev.capi.model.Metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Locks in a map, in insertion order; lists ignore filters and visibility (the SQL is tested in persistence). */
public final class InMemoryLocks implements LockRepository {
    private final Map<String, Lock> rows = new LinkedHashMap<>();

    @Override
    public Optional<Lock> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<Lock> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public boolean anyOnApp(String appGuid) {
        return rows.values().stream().anyMatch(l -> l.appGuid().equals(appGuid));
    }

    @Override
    public void insert(Lock lock) {
        rows.put(lock.guid(), lock.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(Lock lock) {
        rows.put(lock.guid(), lock.withMetadata(Metadata.empty()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public void deleteForSpace(String spaceGuid) {
        rows.values().removeIf(l -> l.spaceGuid().equals(spaceGuid));
    }
}
