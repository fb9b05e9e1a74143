package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Space;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Spaces in a map; lists ignore filters; insert/update refuse an exact duplicate name in one org, as the table does. */
public final class InMemorySpaces implements SpaceRepository {
    private final Map<String, Space> rows = new LinkedHashMap<>();
    private ListQuery lastQuery;

    @Override
    public Optional<Space> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Space> findAll(Collection<String> guids) {
        return guids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<Space> inOrganization(String organizationGuid) {
        return rows.values().stream().filter(s -> s.organizationGuid().equals(organizationGuid)).toList();
    }

    @Override
    public Page<Space> list(ListQuery query) {
        lastQuery = query;
        return new Page<>(List.copyOf(rows.values()), rows.size());
    }

    /** The last list query the domain asked for (to check the visibility it carried). */
    public ListQuery lastQuery() {
        return lastQuery;
    }

    @Override
    public boolean nameTaken(String organizationGuid, String name) {
        return inOrganization(organizationGuid).stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    @Override
    public void insert(Space space) {
        refuseDuplicate(space);
        rows.put(space.guid(), space);
    }

    @Override
    public void update(Space space) {
        refuseDuplicate(space);
        rows.put(space.guid(), space);
    }

    /** As the table's unique key on (organization, name) does: exact names only. */
    private void refuseDuplicate(Space space) {
        if (rows.values().stream().anyMatch(s -> !s.guid().equals(space.guid())
                && s.organizationGuid().equals(space.organizationGuid()) && s.name().equals(space.name()))) {
            throw new NameTaken(null);
        }
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }
}
