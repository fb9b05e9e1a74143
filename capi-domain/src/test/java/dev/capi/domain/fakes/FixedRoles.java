package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.query.RoleVisibility;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A read-mostly {@link RoleRepository}: roles given up front, answered by user; the bulk operations are not needed. */
public final class FixedRoles implements RoleRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Role> roles = new ArrayList<>();

    /** Gives {@code user} an org role in {@code org}. */
    public FixedRoles org(String user, RoleType type, String org) {
        roles.add(new Role("r" + roles.size(), T0, T0, type, user, org, null));
        return this;
    }

    /** Gives {@code user} a space role in {@code space} of {@code org}. */
    public FixedRoles space(String user, RoleType type, String org, String space) {
        roles.add(new Role("r" + roles.size(), T0, T0, type, user, org, space));
        return this;
    }

    @Override
    public List<Role> forUser(String userGuid) {
        return roles.stream().filter(r -> r.userGuid().equals(userGuid)).toList();
    }

    @Override
    public Optional<Role> find(String guid) {
        return roles.stream().filter(r -> r.guid().equals(guid)).findFirst();
    }

    @Override
    public Optional<Role> find(RoleType type, String userGuid, String organizationGuid, String spaceGuid) {
        return roles.stream().filter(r -> r.type() == type && r.userGuid().equals(userGuid)
                && r.organizationGuid().equals(organizationGuid)
                && Objects.equals(r.spaceGuid(), spaceGuid)).findFirst();
    }

    @Override
    public Page<Role> list(ListQuery query, RoleVisibility visibility) {
        return new Page<>(List.copyOf(roles), roles.size());
    }

    @Override
    public void insert(Role role) {
        roles.add(role);
    }

    @Override
    public void delete(String guid) {
        roles.removeIf(r -> r.guid().equals(guid));
    }

    @Override
    public boolean userHasSpaceRolesInOrganization(String userGuid, String organizationGuid) {
        return roles.stream().anyMatch(r -> r.userGuid().equals(userGuid) && r.type().isSpaceRole()
                && r.organizationGuid().equals(organizationGuid));
    }

    @Override
    public void deleteForSpace(String spaceGuid) {
        roles.removeIf(r -> spaceGuid.equals(r.spaceGuid()));
    }

    @Override
    public void deleteForOrganization(String organizationGuid) {
        roles.removeIf(r -> r.organizationGuid().equals(organizationGuid));
    }

    @Override
    public void deleteForUser(String userGuid) {
        roles.removeIf(r -> r.userGuid().equals(userGuid));
    }
}
