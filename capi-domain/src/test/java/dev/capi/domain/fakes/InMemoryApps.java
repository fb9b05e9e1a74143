package dev.capi.domain.fakes;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Apps in a map; lists ignore filters (the SQL is tested in persistence) and remember the last query. */
public final class InMemoryApps implements AppRepository {
    private final Map<String, App> rows = new LinkedHashMap<>();
    private ListQuery lastQuery;

    @Override
    public Optional<App> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<App> findAll(Collection<String> guids) {
        return guids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Page<App> list(ListQuery query) {
        lastQuery = query;
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    public ListQuery lastQuery() {
        return lastQuery;
    }

    @Override
    public List<App> inSpace(String spaceGuid) {
        return rows.values().stream().filter(a -> a.spaceGuid().equals(spaceGuid)).toList();
    }

    @Override
    public boolean nameTaken(String spaceGuid, String name) {
        return inSpace(spaceGuid).stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
    }

    @Override
    public boolean anyOnStack(String stackName) {
        return rows.values().stream().anyMatch(a -> stackName.equals(a.lifecycle().stack()));
    }

    @Override
    public List<String> guidsOnStack(String stackName, Visibility visibility) {
        return rows.values().stream().filter(a -> stackName.equals(a.lifecycle().stack())).map(App::guid).toList();
    }

    @Override
    public void insert(App app) {
        rows.put(app.guid(), app.withMetadata(dev.capi.model.Metadata.empty()));
    }

    @Override
    public void update(App app) {
        rows.put(app.guid(), app.withMetadata(dev.capi.model.Metadata.empty()));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
