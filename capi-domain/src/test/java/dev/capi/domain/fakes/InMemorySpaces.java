package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link SpaceRepository} in a map; {@code list} ignores the query. */
public final class InMemorySpaces implements SpaceRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, Space> rows = new LinkedHashMap<>();

    /** Adds a space. */
    public InMemorySpaces add(String guid, String name, String orgGuid) {
        rows.put(guid, new Space(guid, T0, T0, name, orgGuid, false, true, null, null, Metadata.empty()));
        return this;
    }

    public List<Space> all() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public Optional<Space> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Space> findAll(Collection<String> guids) {
        return rows.values().stream().filter(s -> guids.contains(s.guid())).toList();
    }

    @Override
    public List<Space> inOrganization(String organizationGuid) {
        return rows.values().stream().filter(s -> s.organizationGuid().equals(organizationGuid)).toList();
    }

    @Override
    public Page<Space> list(ListQuery query) {
        return new Page<>(all(), rows.size());
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return inOrganization(organizationGuid).stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    @Override
    public void insert(Space space) {
        rows.put(space.guid(), space);
    }

    @Override
    public void update(Space space) {
        rows.put(space.guid(), space);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
