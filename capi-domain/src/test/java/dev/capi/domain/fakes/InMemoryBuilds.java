package dev.capi.domain.fakes;

import dev.capi.domain.builds.BuildRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Build;

import java.util.Map;
import java.util.Optional;

/** Builds in a map; lists filter by app and state. */
public final class InMemoryBuilds implements BuildRepository {
    private final InMemoryRows<Build> rows = new InMemoryRows<>(Build::guid, Map.of(
            "app_guids", Build::appGuid, "states", Build::state));

    @Override
    public Optional<Build> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Build> list(ListQuery query) {
        return rows.list(query);
    }

    @Override
    public boolean stagingForApp(String appGuid) {
        return rows.all().stream().anyMatch(b -> b.appGuid().equals(appGuid) && Build.STAGING.equals(b.state()));
    }

    @Override
    public void insert(Build b) {
        rows.put(b);
    }

    @Override
    public void update(Build b) {
        rows.put(b);
    }
}
