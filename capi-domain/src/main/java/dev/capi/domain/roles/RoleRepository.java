package dev.capi.domain.roles;

import dev.capi.domain.query.RoleVisibility;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.util.List;
import java.util.Optional;

/**
 * Port: role rows. List filters: guids, types, space_guids, user_guids, and organization_guids (which, as in the
 * reference, matches organization roles only); order created_at or updated_at, guid breaking ties. The list takes
 * the viewer's {@link RoleVisibility} (the query's own visibility is not used: roles need one per kind).
 */
public interface RoleRepository extends dev.capi.domain.auth.RoleSource {
    @Override
    List<Role> forUser(String userGuid);

    Optional<Role> find(String guid);

    Optional<Role> find(RoleType type, String userGuid, String organizationGuid, String spaceGuid);

    Page<Role> list(ListQuery query, RoleVisibility visibility);

    void insert(Role role);

    void delete(String guid);

    boolean userHasSpaceRolesInOrganization(String userGuid, String organizationGuid);

    void deleteForSpace(String spaceGuid);

    void deleteForOrganization(String organizationGuid);

    void deleteForUser(String userGuid);
}
