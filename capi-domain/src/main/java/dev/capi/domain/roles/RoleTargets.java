package dev.capi.domain.roles;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.AuditEvent;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.Space;
import dev.capi.model.User;

import java.util.Map;
import java.util.Optional;

/**
 * What role creation and removal share: loading the role's organization or space, the reference's writability
 * rules (a suspended org locks out everyone but admins; a suspended space everyone but admins and org managers),
 * and the {@code audit.user.<type>_add|_remove} events.
 */
final class RoleTargets {
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final AuditEvents audit;

    RoleTargets(OrganizationRepository organizations, SpaceRepository spaces, AuditEvents audit) {
        this.organizations = organizations;
        this.spaces = spaces;
        this.audit = audit;
    }

    Organization organization(String guid) {
        return organizations.find(guid).orElseThrow(() -> CfException.notFound("Organization"));
    }

    Space space(String guid) {
        return spaces.find(guid).orElseThrow(() -> CfException.notFound("Space"));
    }

    Optional<Organization> findOrganization(String guid) {
        return organizations.find(guid);
    }

    Optional<Space> findSpace(String guid) {
        return spaces.find(guid);
    }

    static void requireWritableOrg(Permissions perms, Organization org) {
        if (!perms.canWriteGlobally() && org.suspended()) {
            throw CfException.of(CfError.OrgSuspended);
        }
    }

    static void requireWritableSpace(Permissions perms, Space space, Organization org) {
        if (perms.canWriteGlobally()) {
            return;
        }
        if (org.suspended()) {
            throw CfException.of(CfError.OrgSuspended);
        }
        if (space.suspended() && !perms.hasOrgRole(org.guid(), Permissions.ORG_MANAGERS)) {
            throw CfException.of(CfError.SpaceSuspended);
        }
    }

    /** Records {@code audit.user.<type>_<change>} about {@code user} in the role's space or organization. */
    void record(Permissions perms, Role role, User user, String change, Map<String, Object> request) {
        String username = user != null && user.username() != null ? user.username() : "";
        var target = new AuditEvent.Target(role.userGuid(), "user", username);
        audit.record("audit.user." + role.type().wireName() + "_" + change, perms.principal(), target,
                role.spaceGuid(), role.organizationGuid(), Map.of("request", request));
    }
}
