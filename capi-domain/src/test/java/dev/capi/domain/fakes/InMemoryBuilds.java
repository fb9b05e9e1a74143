package dev.capi.domain.fakes;

import dev.capi.domain.builds.BuildRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Build;
import dev.capi.model.Metadata;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds in a map, in insertion order; lists ignore filters (the SQL is tested in persistence). */
public final class InMemoryBuilds implements BuildRepository {
    private final Map<String, Build> rows = new LinkedHashMap<>();

    @Override
    public Optional<Build> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Page<Build> list(ListQuery query) {
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    @Override
    public boolean stagingForApp(String appGuid) {
        return rows.values().stream().anyMatch(b -> b.appGuid().equals(appGuid) && Build.STAGING.equals(b.state()));
    }

    @Override
    public void insert(Build b) {
        rows.put(b.guid(), b.withMetadata(Metadata.empty()));
    }

    @Override
    public void update(Build b) {
        rows.put(b.guid(), b.withMetadata(Metadata.empty()));
    }

    @Override
    public List<String> stagingSince(Instant cutoff, int limit) {
        return rows.values().stream().filter(b -> stale(b, cutoff)).sorted(Comparator.comparing(Build::updatedAt))
                .limit(limit).map(Build::guid).toList();
    }

    @Override
    public boolean failStaging(String guid, Instant cutoff, String error, Instant now) {
        Build b = rows.get(guid);
        if (b == null || !stale(b, cutoff)) {
            return false;
        }
        update(b.withState(Build.FAILED, error, now));
        return true;
    }

    private static boolean stale(Build b, Instant cutoff) {
        return Build.STAGING.equals(b.state()) && b.updatedAt().isBefore(cutoff);
    }
}
