package dev.capi.domain.fakes;

import dev.capi.domain.packages.PackageRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppPackage;
import dev.capi.model.Metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packages in a map, in insertion order; lists apply the app_guids, states and types filters, and a descending order
 * reverses insertion order (the clock is fixed in tests; the SQL is tested in persistence).
 */
public final class InMemoryPackages implements PackageRepository {
    private final Map<String, AppPackage> rows = new LinkedHashMap<>();

    @Override
    public Optional<AppPackage> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<AppPackage> list(ListQuery query) {
        List<AppPackage> matching = new ArrayList<>(rows.values().stream()
                .filter(p -> matches(query, "app_guids", p.appGuid()))
                .filter(p -> matches(query, "states", p.state()))
                .filter(p -> matches(query, "types", p.type())).toList());
        if (query.orderBy() != null && query.orderBy().descending()) {
            Collections.reverse(matching);
        }
        return new Page<>(matching, matching.size());
    }

    private static boolean matches(ListQuery query, String filter, String value) {
        List<String> values = query.filter(filter);
        return values == null || values.contains(value);
    }

    @Override
    public void insert(AppPackage p) {
        rows.put(p.guid(), p.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(AppPackage p) {
        rows.put(p.guid(), p.withMetadata(Metadata.empty()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public int failStale(Collection<String> states, Instant cutoff, String error, Instant now) {
        List<AppPackage> stale = rows.values().stream()
                .filter(p -> states.contains(p.state()) && p.updatedAt().isBefore(cutoff)).toList();
        stale.forEach(p -> update(p.withState(AppPackage.FAILED, error, now)));
        return stale.size();
    }
}
