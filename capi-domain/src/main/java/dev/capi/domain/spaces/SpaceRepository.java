package dev.capi.domain.spaces;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Space;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: spaces (metadata loaded with them). List filters: names, organization_guids, guids. Order: name. Names are
 * unique per organization, compared case-insensitively by {@link #nameTaken}; {@link #insert} and {@link #update}
 * throw {@link NameTaken} when the store itself refuses a duplicate (two requests racing past the check).
 */
public interface SpaceRepository {
    Optional<Space> find(String guid);

    List<Space> findAll(Collection<String> guids);

    List<Space> inOrganization(String organizationGuid);

    Page<Space> list(ListQuery query);

    boolean nameTaken(String organizationGuid, String name);

    void insert(Space space);

    void update(Space space);

    void delete(String guid);

    /** The store refused a second space of the same name in one organization. */
    final class NameTaken extends RuntimeException {
        public NameTaken(Throwable cause) {
            super("space name already taken in its organization", cause);
        }
    }
}
