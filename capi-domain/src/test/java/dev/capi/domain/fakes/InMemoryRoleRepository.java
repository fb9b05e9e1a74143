package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.query.RoleVisibility;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link RoleRepository} in a list that answers like the SQL one: list filters (types, organization_guids for
 * organization roles only, space_guids, user_guids, guids), the viewer's {@link RoleVisibility}, created_at order
 * and paging. Remembers the last list visibility so tests can check what the domain asked for.
 */
public final class InMemoryRoleRepository implements RoleRepository {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Role> roles = new ArrayList<>();
    private RoleVisibility lastVisibility;

    /** Gives {@code user} an org role in {@code org} (a test fixture, no checks). */
    public Role org(String user, RoleType type, String org) {
        Role role = new Role("r" + roles.size(), T0.plusSeconds(roles.size()), T0, type, user, org, null);
        roles.add(role);
        return role;
    }

    /** Gives {@code user} a space role in {@code space} of {@code org} (a test fixture, no checks). */
    public Role space(String user, RoleType type, String org, String space) {
        Role role = new Role("r" + roles.size(), T0.plusSeconds(roles.size()), T0, type, user, org, space);
        roles.add(role);
        return role;
    }

    public List<Role> all() {
        return List.copyOf(roles);
    }

    public RoleVisibility lastVisibility() {
        return lastVisibility;
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
                && (type.isSpaceRole() ? Objects.equals(r.spaceGuid(), spaceGuid)
                : r.organizationGuid().equals(organizationGuid))).findFirst();
    }

    @Override
    public Page<Role> list(ListQuery query, RoleVisibility visibility) {
        lastVisibility = visibility;
        List<Role> matching = roles.stream()
                .filter(in(query, "guids", Role::guid))
                .filter(in(query, "types", r -> r.type().wireName()))
                .filter(in(query, "space_guids", Role::spaceGuid))
                .filter(in(query, "user_guids", Role::userGuid))
                .filter(r -> query.filter("organization_guids") == null
                        || !r.type().isSpaceRole() && query.filter("organization_guids").contains(r.organizationGuid()))
                .filter(r -> visible(r, visibility))
                .sorted(Comparator.comparing(Role::createdAt).thenComparing(Role::guid))
                .toList();
        int from = (int) Math.min(matching.size(), (query.page() - 1) * query.perPage());
        int to = Math.min(matching.size(), from + query.perPage());
        return new Page<>(matching.subList(from, to), matching.size());
    }

    private static Predicate<Role> in(ListQuery query, String key, java.util.function.Function<Role, String> field) {
        List<String> values = query.filter(key);
        return r -> values == null || values.contains(field.apply(r));
    }

    private boolean visible(Role role, RoleVisibility v) {
        if (role.type().isSpaceRole()) {
            return sees(v.spaceRoles(), role.spaceGuid(), role.organizationGuid());
        }
        return sees(v.orgRoles(), null, role.organizationGuid());
    }

    /** The rule ListSql.VisibilitySql renders: a space role of the viewer in the space, or an org role in the org. */
    private boolean sees(Visibility v, String space, String org) {
        if (v.all()) {
            return true;
        }
        if (v.userGuid() == null) {
            return false;
        }
        Set<RoleType> orgTypes = new java.util.HashSet<>(v.orgRoles());
        if (space == null) {
            orgTypes.addAll(v.spaceRoles());
        }
        return forUser(v.userGuid()).stream().anyMatch(mine ->
                (space != null && mine.type().isSpaceRole() && v.spaceRoles().contains(mine.type())
                        && space.equals(mine.spaceGuid()))
                        || (orgTypes.contains(mine.type()) && org.equals(mine.organizationGuid())));
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
