package dev.capi.domain.fakes;

import dev.capi.domain.apps.ProcessRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AppProcess;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Processes in a map, in insertion order; lists apply only the {@code app_guids} filter. */
public final class InMemoryProcesses implements ProcessRepository {
    private final Map<String, AppProcess> rows = new LinkedHashMap<>();

    @Override
    public Optional<AppProcess> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<AppProcess> findByType(String appGuid, String type) {
        return forApp(appGuid).stream().filter(p -> p.type().equals(type)).findFirst();
    }

    @Override
    public List<AppProcess> forApp(String appGuid) {
        return rows.values().stream().filter(p -> p.appGuid().equals(appGuid)).toList();
    }

    @Override
    public List<AppProcess> forApps(Collection<String> appGuids) {
        return rows.values().stream().filter(p -> appGuids.contains(p.appGuid())).toList();
    }

    @Override
    public Page<AppProcess> list(ListQuery query) {
        List<String> apps = query.filter("app_guids");
        var matching = rows.values().stream().filter(p -> apps == null || apps.contains(p.appGuid())).toList();
        return new Page<>(matching, matching.size());
    }

    @Override
    public void insert(AppProcess process) {
        rows.put(process.guid(), process);
    }

    @Override
    public void update(AppProcess process) {
        rows.put(process.guid(), process);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
