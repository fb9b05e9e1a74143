package dev.capi.domain.fakes;

import dev.capi.domain.droplets.DropletRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Droplet;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Droplets in a map; lists filter by app and state. */
public final class InMemoryDroplets implements DropletRepository {
    private final InMemoryRows<Droplet> rows = new InMemoryRows<>(Droplet::guid, Map.of(
            "app_guids", Droplet::appGuid, "states", Droplet::state));

    @Override
    public Optional<Droplet> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Optional<Droplet> findByBuild(String buildGuid) {
        return rows.all().stream().filter(d -> Objects.equals(buildGuid, d.buildGuid())).findFirst();
    }

    @Override
    public Page<Droplet> list(ListQuery query) {
        return rows.list(query);
    }

    @Override
    public void insert(Droplet d) {
        rows.put(d);
    }

    @Override
    public void update(Droplet d) {
        rows.put(d);
    }

    @Override
    public void delete(String guid) {
        rows.delete(guid);
    }
}
