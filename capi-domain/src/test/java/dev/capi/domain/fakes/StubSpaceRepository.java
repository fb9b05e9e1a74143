package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link SpaceRepository} in a map for tests that need spaces to exist; lists are not filtered. */
public final class StubSpaceRepository implements SpaceRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, Space> spaces = new LinkedHashMap<>();

    /** Adds a space (a test fixture). */
    public Space add(String guid, String name, String orgGuid, boolean suspended) {
        Space space = new Space(guid, T0.plusSeconds(spaces.size()), T0, name, orgGuid, suspended, true, null, null,
                Metadata.empty());
        spaces.put(guid, space);
        return space;
    }

    @Override
    public Optional<Space> find(String guid) {
        return Optional.ofNullable(spaces.get(guid));
    }

    @Override
    public List<Space> findAll(Collection<String> guids) {
        return spaces.values().stream().filter(s -> guids.contains(s.guid())).toList();
    }

    @Override
    public List<Space> inOrganization(String organizationGuid) {
        return spaces.values().stream().filter(s -> s.organizationGuid().equals(organizationGuid)).toList();
    }

    @Override
    public Page<Space> list(ListQuery query) {
        return new Page<>(List.copyOf(spaces.values()), spaces.size());
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return inOrganization(organizationGuid).stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    @Override
    public void insert(Space space) {
        spaces.put(space.guid(), space);
    }

    @Override
    public void update(Space space) {
        spaces.put(space.guid(), space);
    }

    @Override
    public void delete(String guid) {
        spaces.remove(guid);
    }
}
