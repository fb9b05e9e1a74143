package dev.capi.domain.spaces;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Space;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: spaces (metadata loaded with them). List filters: names, organization_guids, guids. Order: name. */
public interface SpaceRepository {
    Optional<Space> find(String guid);

    List<Space> findAll(Collection<String> guids);

    List<Space> inOrganization(String organizationGuid);

    Page<Space> list(ListQuery query);

    boolean nameTaken(String organizationGuid, String name);

    void insert(Space space);

    void update(Space space);

    void delete(String guid);
}
