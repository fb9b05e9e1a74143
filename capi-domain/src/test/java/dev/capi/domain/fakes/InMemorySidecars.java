package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.sidecars.SidecarRepository;
import dev.capi.model.Sidecar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sidecars in a map, in insertion order; lists apply the {@code app_guids} and {@code process_types} filters. */
public final class InMemorySidecars implements SidecarRepository {
    private final Map<String, Sidecar> rows = new LinkedHashMap<>();

    @Override
    public Optional<Sidecar> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<Sidecar> list(ListQuery query) {
        List<String> apps = query.filter("app_guids");
        List<String> types = query.filter("process_types");
        var matching = rows.values().stream().filter(s -> apps == null || apps.contains(s.appGuid()))
                .filter(s -> types == null || s.processTypes().stream().anyMatch(types::contains)).toList();
        return new Page<>(matching, matching.size());
    }

    @Override
    public boolean nameTaken(String appGuid, String name, String exceptGuid) {
        return rows.values().stream().anyMatch(s -> s.appGuid().equals(appGuid) && s.name().equals(name)
                && !s.guid().equals(exceptGuid));
    }

    @Override
    public void insert(Sidecar s) {
        rows.put(s.guid(), s);
    }

    @Override
    public void update(Sidecar s) {
        rows.put(s.guid(), s);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
