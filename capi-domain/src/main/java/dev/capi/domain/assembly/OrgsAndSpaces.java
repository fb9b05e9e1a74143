package dev.capi.domain.assembly;

import dev.capi.domain.Settings;
import dev.capi.domain.auth.PermissionsFactory;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.tenancy.OrganizationDeletion;
import dev.capi.domain.organizations.Organizations;
import dev.capi.domain.roles.RoleCreate;
import dev.capi.domain.roles.RoleDeletion;
import dev.capi.domain.roles.RoleGrants;
import dev.capi.domain.roles.Roles;
import dev.capi.domain.tenancy.SpaceDeletion;
import dev.capi.domain.spaces.Spaces;
import dev.capi.domain.users.UserCreate;
import dev.capi.domain.roles.UserDeletion;
import dev.capi.domain.users.UserRegistry;
import dev.capi.domain.users.Users;

import java.util.List;

/** Organizations, spaces, users and roles, and the permissions every request is checked with. */
public record OrgsAndSpaces(PermissionsFactory permissions, UserRegistry userRegistry, Organizations organizations,
                            Users users, UserCreate userCreate, Roles roles, RoleCreate roleCreate, Spaces spaces,
                            List<JobHandler> jobHandlers) {

    public static OrgsAndSpaces assemble(CorePorts core, OrgsAndSpacesPorts ports, Foundation foundation,
                                         Settings settings) {
        var tx = core.transactions();
        var userRegistry = new UserRegistry(ports.users(), tx, core.clock());
        var grants = new RoleGrants(ports.roles(), userRegistry, core.clock(), core.guids());
        var organizations = new Organizations(ports.organizations(), tx, foundation.auditEvents(),
                foundation.featureFlags(), foundation.metadataChanges(), grants, foundation.jobs(), core.clock(),
                core.guids());
        var users = new Users(ports.users(), ports.organizations(), ports.spaces(), tx, foundation.metadataChanges(),
                foundation.jobs());
        var userCreate = new UserCreate(ports.users(), ports.userDirectory(), tx, foundation.metadataChanges(),
                core.clock(), core.guids(), settings.allowUserCreationByOrgManager());
        var roles = new Roles(ports.roles(), ports.users(), ports.organizations(), ports.spaces(),
                foundation.auditEvents(), tx, foundation.jobs());
        var roleCreate = new RoleCreate(ports.roles(), ports.users(), ports.userDirectory(), users,
                ports.organizations(), ports.spaces(), foundation.auditEvents(), foundation.featureFlags(), tx,
                core.clock(), core.guids(), settings.allowUserCreationByOrgManager());
        var spaces = new Spaces(ports.spaces(), ports.organizations(), tx, foundation.auditEvents(),
                foundation.metadataChanges(), foundation.jobs(), core.clock(), core.guids());
        return new OrgsAndSpaces(new PermissionsFactory(ports.roles()), userRegistry, organizations, users,
                userCreate, roles, roleCreate, spaces, List.of(new UserDeletion(ports.users(), ports.roles(),
                core.metadata()), new RoleDeletion(ports.roles())));
    }

    /**
     * The organization and space delete jobs: they run last, once every area has said what hangs off an
     * organization ({@code cleanups}).
     */
    public static List<JobHandler> deletions(CorePorts core, OrgsAndSpacesPorts ports,
                                             List<OrganizationCleanup> cleanups, Foundation foundation) {
        var organizationDeletion = new OrganizationDeletion(ports.organizations(), ports.spaces(), ports.roles(),
                core.metadata(), List.copyOf(cleanups), foundation.jobs());
        return List.of(organizationDeletion, new SpaceDeletion(ports.spaces(), organizationDeletion));
    }
}
