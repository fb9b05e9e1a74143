package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.securitygroups.Lifecycle;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.model.SecurityGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups and their bindings in maps. Lists honour only the space filters of the spaces' running/staging
 * lists (persistence tests cover the rest of the SQL) and remember the last query.
 */
public final class InMemorySecurityGroups implements SecurityGroupRepository {
    private final Map<String, SecurityGroup> rows = new LinkedHashMap<>();
    private final Map<Lifecycle, List<String[]>> bindings = Map.of(Lifecycle.RUNNING, new ArrayList<>(),
            Lifecycle.STAGING, new ArrayList<>());
    private Instant latest = Instant.EPOCH;
    private ListQuery lastQuery;

    @Override
    public Optional<SecurityGroup> find(String guid) {
        return Optional.ofNullable(rows.get(guid)).map(this::withSpaces);
    }

    private SecurityGroup withSpaces(SecurityGroup g) {
        return g.withSpaces(bound(g.guid(), Lifecycle.RUNNING), bound(g.guid(), Lifecycle.STAGING));
    }

    private List<String> bound(String group, Lifecycle lifecycle) {
        return bindings.get(lifecycle).stream().filter(b -> b[0].equals(group)).map(b -> b[1]).toList();
    }

    @Override
    public Page<SecurityGroup> list(ListQuery query) {
        lastQuery = query;
        List<SecurityGroup> all = rows.values().stream().map(this::withSpaces).filter(g -> {
            List<String> running = query.filter(RUNNING_FOR_SPACE);
            List<String> staging = query.filter(STAGING_FOR_SPACE);
            return (running == null || g.runningDefault() || g.runningSpaceGuids().contains(running.get(0)))
                    && (staging == null || g.stagingDefault() || g.stagingSpaceGuids().contains(staging.get(0)));
        }).toList();
        return new Page<>(all, all.size());
    }

    public ListQuery lastQuery() {
        return lastQuery;
    }

    @Override
    public boolean nameTaken(String name, String exceptGuid) {
        return rows.values().stream().anyMatch(g -> g.name().equals(name) && !g.guid().equals(exceptGuid));
    }

    @Override
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public void insert(SecurityGroup group) {
        rows.put(group.guid(), group.withSpaces(List.of(), List.of()));
    }

    @Override
    public void update(SecurityGroup group) {
        rows.put(group.guid(), group.withSpaces(List.of(), List.of()));
    }

    @Override
    public void delete(String guid) {
        bindings.values().forEach(list -> list.removeIf(b -> b[0].equals(guid)));
        rows.remove(guid);
    }

    @Override
    public void bind(String groupGuid, Lifecycle lifecycle, String spaceGuid) {
        if (!bound(groupGuid, lifecycle).contains(spaceGuid)) {
            bindings.get(lifecycle).add(new String[]{groupGuid, spaceGuid});
        }
    }

    @Override
    public void unbind(String groupGuid, Lifecycle lifecycle, String spaceGuid) {
        bindings.get(lifecycle).removeIf(b -> b[0].equals(groupGuid) && b[1].equals(spaceGuid));
    }

    @Override
    public void unbindSpace(String spaceGuid) {
        bindings.values().forEach(list -> list.removeIf(b -> b[1].equals(spaceGuid)));
    }

    @Override
    public Instant latestUpdate() {
        return latest;
    }

    @Override
    public void renewLatestUpdate(Instant at) {
        if (at.isAfter(latest)) {
            latest = at;
        }
    }
}
