package dev.capi.domain.roles;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.util.List;
import java.util.Optional;

/** Port: role rows. List filters: types, organization_guids, space_guids, user_guids, guids. */
public interface RoleRepository {
    List<Role> forUser(String userGuid);

    Optional<Role> find(String guid);

    Optional<Role> find(RoleType type, String userGuid, String organizationGuid, String spaceGuid);

    Page<Role> list(ListQuery query);

    void insert(Role role);

    void delete(String guid);

    boolean userHasSpaceRolesInOrganization(String userGuid, String organizationGuid);

    void deleteForSpace(String spaceGuid);

    void deleteForOrganization(String organizationGuid);

    void deleteForUser(String userGuid);
}
