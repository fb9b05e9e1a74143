package dev.capi.domain.fakes;

import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppPackage;

import java.util.Map;
import java.util.Optional;

/** Packages in a map; lists filter by app, state and type. */
public final class InMemoryPackages implements PackageRepository {
    private final InMemoryRows<AppPackage> rows = new InMemoryRows<>(AppPackage::guid, Map.of(
            "app_guids", AppPackage::appGuid, "states", AppPackage::state, "types", AppPackage::type));

    @Override
    public Optional<AppPackage> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<AppPackage> list(ListQuery query) {
        return rows.list(query);
    }

    @Override
    public void insert(AppPackage p) {
        rows.put(p);
    }

    @Override
    public void update(AppPackage p) {
        rows.put(p);
    }

    @Override
    public void delete(String guid) {
        rows.delete(guid);
    }
}
