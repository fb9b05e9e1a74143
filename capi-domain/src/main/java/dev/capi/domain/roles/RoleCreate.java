package dev.capi.domain.roles;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.users.UserDirectory;
import dev.capi.domain.users.UserRepository;
import dev.capi.domain.users.Users;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.model.User;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code POST /v3/roles}, as the reference's roles controller and RoleCreate action: the target must exist (else
 * 422, never 404), the caller must manage it (403), it must be writable, the user is found by guid or by username
 * (feature flag {@code set_roles_by_username}, admins bypass), a space role needs the user's
 * {@code organization_user} role in the space's organization, and {@code audit.user.<type>_add} is recorded.
 * Organization roles for a user guid without a user row create the row.
 */
public final class RoleCreate {
    static final String NOT_IN_ORGANIZATION =
            "Users cannot be assigned roles in a space if they do not have a role in that space's organization.";
    private static final String SET_ROLES_BY_USERNAME = "set_roles_by_username";

    private final RoleRepository roles;
    private final UserRepository users;
    private final UserDirectory directory;
    private final Users userQueries;
    private final RoleTargets targets;
    private final FeatureFlags flags;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;
    private final boolean allowUserCreationByOrgManager;

    public RoleCreate(RoleRepository roles, UserRepository users, UserDirectory directory, Users userQueries,
                      OrganizationRepository organizations, SpaceRepository spaces, AuditEvents audit,
                      FeatureFlags flags, Transactions tx, Clock clock, Guids guids,
                      boolean allowUserCreationByOrgManager) {
        this.roles = roles;
        this.users = users;
        this.directory = directory;
        this.userQueries = userQueries;
        this.targets = new RoleTargets(organizations, spaces, audit);
        this.flags = flags;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
        this.allowUserCreationByOrgManager = allowUserCreationByOrgManager;
    }

    public Role create(Permissions perms, RoleCommands.Create cmd) {
        Role role = tx.inTransaction(() -> cmd.type().isSpaceRole() ? spaceRole(perms, cmd) : orgRole(perms, cmd));
        if (role.userGuid().equals(perms.principal().userGuid())) {
            perms.forgetRoles();
        }
        return role;
    }

    private Role spaceRole(Permissions perms, RoleCommands.Create cmd) {
        Space space = Optional.ofNullable(cmd.spaceGuid()).flatMap(targets::findSpace).orElseThrow(() ->
                CfException.unprocessable("Invalid space. Ensure that the space exists and you have access to it."));
        Organization org = targets.organization(space.organizationGuid());
        if (!perms.canUpdateSpace(space.guid(), org.guid())) {
            throw CfException.notAuthorized();
        }
        RoleTargets.requireWritableSpace(perms, space, org);
        String userGuid = cmd.byUsername() ? guidForUsername(perms, cmd.username(), cmd.origin(), true)
                : cmd.userGuid();
        User user = userQueries.findVisible(perms, userGuid)
                .orElseThrow(() -> CfException.unprocessable(NOT_IN_ORGANIZATION));
        if (roles.find(RoleType.ORGANIZATION_USER, user.guid(), org.guid(), null).isEmpty()) {
            throw CfException.unprocessable(NOT_IN_ORGANIZATION);
        }
        return grant(perms, cmd, user, org, space);
    }

    private Role orgRole(Permissions perms, RoleCommands.Create cmd) {
        Organization org = Optional.ofNullable(cmd.organizationGuid()).flatMap(targets::findOrganization)
                .orElseThrow(() ->
                CfException.unprocessable("Invalid organization. Ensure that the organization exists and you have "
                        + "access to it."));
        if (!perms.canWriteOrg(org.guid())) {
            throw CfException.notAuthorized();
        }
        RoleTargets.requireWritableOrg(perms, org);
        User user;
        if (cmd.byUsername() && cmd.origin() != null && !"uaa".equals(cmd.origin())
                && allowUserCreationByOrgManager) {
            flags.requireUnlessAdmin(SET_ROLES_BY_USERNAME, perms.principal());
            user = known(cmd.username(), cmd.origin()).map(this::userRow)
                    .orElseGet(() -> newUser(guids.next(), cmd.username(), cmd.origin()));
        } else {
            user = userRow(cmd.byUsername() ? guidForUsername(perms, cmd.username(), cmd.origin(), false)
                    : cmd.userGuid());
        }
        return grant(perms, cmd, user, org, null);
    }

    /** The user row, created (with the directory's names, if it knows the user) when missing. */
    private User userRow(String guid) {
        return users.find(guid).orElseGet(() -> {
            var entry = directory.find(guid);
            return newUser(guid, entry.map(UserDirectory.Entry::username).orElse(null),
                    entry.map(UserDirectory.Entry::origin).orElse(null));
        });
    }

    /** The guid of a user with this username (and origin, when given): known users first, then the directory. */
    private Optional<String> known(String username, String origin) {
        return users.findByUsername(username, origin).stream().findFirst().map(User::guid)
                .or(() -> directory.search(username, origin).stream().findFirst().map(UserDirectory.Entry::guid));
    }

    private User newUser(String guid, String username, String origin) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = new User(guid, now, now, username, username, origin, Metadata.empty());
        users.insert(user);
        return user;
    }

    /** The reference's UAA lookup, answered from the users the Cloud Controller knows and the directory. */
    private String guidForUsername(Permissions perms, String username, String origin, boolean spaceRole) {
        flags.requireUnlessAdmin(SET_ROLES_BY_USERNAME, perms.principal());
        String resolved = origin;
        if (origin == null) {
            List<String> origins = Stream.concat(users.findByUsername(username, null).stream().map(User::origin),
                            directory.search(username, null).stream().map(UserDirectory.Entry::origin))
                    .filter(Objects::nonNull).distinct().sorted().toList();
            if (origins.size() > 1) {
                throw CfException.unprocessable("Ambiguous user. User with username '" + username + "' exists in the "
                        + "following origins: " + String.join(", ", origins) + ". Specify an origin to disambiguate.");
            }
            resolved = origins.isEmpty() ? null : origins.get(0);
        }
        var match = known(username, resolved);
        if (match.isPresent()) {
            return match.get();
        }
        if (spaceRole) {
            throw CfException.unprocessable(NOT_IN_ORGANIZATION);
        }
        if (origin != null) {
            throw CfException.unprocessable("No user exists with the username '" + username + "' and origin '"
                    + origin + "'.");
        }
        throw CfException.unprocessable("No user exists with the username '" + username + "'.");
    }

    private Role grant(Permissions perms, RoleCommands.Create cmd, User user, Organization org, Space space) {
        String spaceGuid = space == null ? null : space.guid();
        if (roles.find(cmd.type(), user.guid(), org.guid(), spaceGuid).isPresent()) {
            String who = user.username() != null ? user.username() : user.guid();
            String where = space != null ? "space '" + space.name() + "'" : "organization '" + org.name() + "'";
            throw CfException.unprocessable("User '" + who + "' already has '" + cmd.type().wireName() + "' role in "
                    + where + ".");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Role role = new Role(guids.next(), now, now, cmd.type(), user.guid(), org.guid(), spaceGuid);
        roles.insert(role);
        targets.record(perms, role, user, "add", cmd.auditRequest());
        return role;
    }
}
