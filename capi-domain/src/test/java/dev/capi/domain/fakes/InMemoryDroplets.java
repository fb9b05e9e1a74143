package dev.capi.domain.fakes;

import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;
import dev.capi.model.Metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Droplets in a map, in insertion order; lists apply only the guids, app_guids, package_guids and states filters. */
public final class InMemoryDroplets implements DropletRepository {
    private final Map<String, Droplet> rows = new LinkedHashMap<>();

    @Override
    public Optional<Droplet> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<Droplet> findByBuild(String buildGuid) {
        return rows.values().stream().filter(d -> buildGuid.equals(d.buildGuid())).findFirst();
    }

    @Override
    public Page<Droplet> list(ListQuery query) {
        var matching = rows.values().stream()
                .filter(d -> matches(query, "guids", d.guid()))
                .filter(d -> matches(query, "app_guids", d.appGuid()))
                .filter(d -> matches(query, "package_guids", d.packageGuid()))
                .filter(d -> matches(query, "states", d.state())).toList();
        return new Page<>(matching, matching.size());
    }

    private static boolean matches(ListQuery query, String filter, String value) {
        List<String> values = query == null ? null : query.filter(filter);
        return values == null || values.contains(value);
    }

    @Override
    public void insert(Droplet d) {
        rows.put(d.guid(), d.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(Droplet d) {
        rows.put(d.guid(), d.withMetadata(Metadata.empty()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
