package dev.capi.domain.roles;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.users.UserRepository;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.model.User;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The role use cases besides creation ({@link RoleCreate}): list, get, the related resources of {@code include},
 * and the (asynchronous) delete. Space roles are visible to those who can read the space, organization roles to
 * holders of any organization role there; global readers see all.
 */
public final class Roles {
    public static final String DELETE_JOB = "role.delete";

    private final RoleRepository repository;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final RoleTargets targets;
    private final Transactions tx;
    private final Jobs jobs;

    public Roles(RoleRepository repository, UserRepository users, OrganizationRepository organizations,
                 SpaceRepository spaces, AuditEvents audit, Transactions tx, Jobs jobs) {
        this.repository = repository;
        this.users = users;
        this.organizations = organizations;
        this.spaces = spaces;
        this.targets = new RoleTargets(organizations, spaces, audit);
        this.tx = tx;
        this.jobs = jobs;
    }

    public Page<Role> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query, perms.roleVisibility()));
    }

    /** The role if the principal may see it, else 404 "Role not found". */
    public Role get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    private Role visible(Permissions perms, String guid) {
        return repository.find(guid).filter(perms::canReadRole).orElseThrow(() -> CfException.notFound("Role"));
    }

    /**
     * The users, organizations (of organization roles) and spaces (of space roles) these roles refer to, one query
     * per requested relation ({@code user}, {@code organization}, {@code space}).
     */
    public RoleRelations related(List<Role> roles, Set<String> include) {
        return tx.inTransaction(() -> new RoleRelations(
                include.contains("user") ? ordered(users.findAll(distinct(roles, Role::userGuid, null)),
                        User::createdAt, User::guid) : null,
                include.contains("organization") ? ordered(organizations.findAll(
                        distinct(roles, Role::organizationGuid, false)), Organization::createdAt, Organization::guid)
                        : null,
                include.contains("space") ? ordered(spaces.findAll(distinct(roles, Role::spaceGuid, true)),
                        Space::createdAt, Space::guid) : null));
    }

    private static List<String> distinct(List<Role> roles, Function<Role, String> key, Boolean spaceRoles) {
        return roles.stream().filter(r -> spaceRoles == null || r.type().isSpaceRole() == spaceRoles)
                .map(key).distinct().toList();
    }

    private static <T> List<T> ordered(List<T> items, Function<T, Instant> created, Function<T, String> guid) {
        return items.stream().sorted(Comparator.comparing(created).thenComparing(guid)).toList();
    }

    /**
     * Starts the asynchronous delete: space roles by space managers, org managers and admins, organization roles by
     * org managers and admins; the user's {@code organization_user} role stays while it holds space roles there.
     * The {@code audit.user.<type>_remove} event is recorded with the request (the job carries no actor).
     */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Role role = visible(perms, guid);
            Organization org = targets.organization(role.organizationGuid());
            if (role.type().isSpaceRole()) {
                Space space = targets.space(role.spaceGuid());
                if (!perms.canUpdateSpace(space.guid(), org.guid())) {
                    throw CfException.notAuthorized();
                }
                RoleTargets.requireWritableSpace(perms, space, org);
            } else {
                if (!perms.canWriteOrg(org.guid())) {
                    throw CfException.notAuthorized();
                }
                RoleTargets.requireWritableOrg(perms, org);
                if (role.type() == RoleType.ORGANIZATION_USER
                        && repository.userHasSpaceRolesInOrganization(role.userGuid(), org.guid())) {
                    throw CfException.unprocessable("Cannot delete organization_user role while user has roles in "
                            + "spaces in that organization.");
                }
            }
            targets.record(perms, role, users.find(role.userGuid()).orElse(null), "remove", Map.of());
            return jobs.enqueue(DELETE_JOB, "roles", guid);
        });
    }
}
