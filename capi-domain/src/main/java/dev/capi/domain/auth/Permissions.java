package dev.capi.domain.auth;

import dev.capi.domain.query.Visibility;
import dev.capi.domain.query.RoleVisibility;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.capi.model.RoleType.*;

/**
 * The principal's rights, answered from its global scopes and its roles (loaded once, lazily). Named role sets
 * mirror the reference's permissions.rb; list visibility is returned as a {@link Visibility} value for SQL.
 */
public final class Permissions {
    public static final Set<RoleType> ORG_READERS =
            EnumSet.of(ORGANIZATION_USER, ORGANIZATION_AUDITOR, ORGANIZATION_MANAGER, ORGANIZATION_BILLING_MANAGER);
    public static final Set<RoleType> SPACE_READERS =
            EnumSet.of(SPACE_DEVELOPER, SPACE_MANAGER, SPACE_AUDITOR, SPACE_SUPPORTER);
    public static final Set<RoleType> ORG_MANAGERS = EnumSet.of(ORGANIZATION_MANAGER);
    public static final Set<RoleType> SPACE_UPDATERS = EnumSet.of(SPACE_MANAGER);
    public static final Set<RoleType> SPACE_WRITERS = EnumSet.of(SPACE_DEVELOPER);
    public static final Set<RoleType> APP_MANAGERS = EnumSet.of(SPACE_DEVELOPER, SPACE_SUPPORTER);
    public static final Set<RoleType> SECRET_READERS = EnumSet.of(SPACE_DEVELOPER);
    public static final Set<RoleType> ROUTE_ORG_READERS = EnumSet.of(ORGANIZATION_MANAGER, ORGANIZATION_AUDITOR);
    /** Org roles that read an organization's private domains (any space role in the org does too). */
    public static final Set<RoleType> DOMAIN_ORG_READERS = EnumSet.of(ORGANIZATION_MANAGER, ORGANIZATION_AUDITOR);
    /** Space roles that see the audit events of their space (not space managers). */
    public static final Set<RoleType> EVENT_SPACE_READERS = EnumSet.of(SPACE_AUDITOR, SPACE_DEVELOPER, SPACE_SUPPORTER);
    /** Org roles that see every audit event carrying their organization's guid. */
    public static final Set<RoleType> EVENT_ORG_READERS = EnumSet.of(ORGANIZATION_AUDITOR);
    /** Org roles whose holders see the organization's org-level roles and users (the reference's org reading). */
    public static final Set<RoleType> ROLE_ORG_READERS = ORG_READERS;

    private final Principal principal;
    private final RoleSource roles;
    private List<Role> loaded;

    public Permissions(Principal principal, RoleSource roles) {
        this.principal = principal;
        this.roles = roles;
    }

    public Principal principal() {
        return principal;
    }

    public boolean canReadGlobally() {
        return principal.canReadGlobally();
    }

    public boolean canWriteGlobally() {
        return principal.canWriteGlobally();
    }

    public boolean canReadSecretsGlobally() {
        return principal.canReadSecretsGlobally();
    }

    private List<Role> myRoles() {
        if (loaded == null) {
            loaded = roles.forUser(principal.userGuid());
        }
        return loaded;
    }

    /** Clears the cached roles (after the principal's own roles changed within a request). */
    public void forgetRoles() {
        loaded = null;
    }

    public boolean hasOrgRole(String orgGuid, Set<RoleType> types) {
        return myRoles().stream().anyMatch(r -> !r.type().isSpaceRole() && types.contains(r.type())
                && r.organizationGuid().equals(orgGuid));
    }

    public boolean hasSpaceRole(String spaceGuid, Set<RoleType> types) {
        return myRoles().stream().anyMatch(r -> r.type().isSpaceRole() && types.contains(r.type())
                && spaceGuid.equals(r.spaceGuid()));
    }

    public boolean canReadOrg(String orgGuid) {
        return canReadGlobally() || hasOrgRole(orgGuid, ORG_READERS) || myRoles().stream()
                .anyMatch(r -> r.organizationGuid().equals(orgGuid));
    }

    public boolean canWriteOrg(String orgGuid) {
        return canWriteGlobally() || hasOrgRole(orgGuid, ORG_MANAGERS);
    }

    public boolean canReadSpace(String spaceGuid, String orgGuid) {
        return canReadGlobally() || hasSpaceRole(spaceGuid, SPACE_READERS) || hasOrgRole(orgGuid, ORG_MANAGERS);
    }

    public boolean canUpdateSpace(String spaceGuid, String orgGuid) {
        return canWriteGlobally() || hasSpaceRole(spaceGuid, SPACE_UPDATERS) || hasOrgRole(orgGuid, ORG_MANAGERS);
    }

    public boolean canWriteSpace(String spaceGuid) {
        return canWriteGlobally() || hasSpaceRole(spaceGuid, SPACE_WRITERS);
    }

    public boolean canManageApps(String spaceGuid) {
        return canWriteGlobally() || hasSpaceRole(spaceGuid, APP_MANAGERS);
    }

    public boolean canReadSecretsInSpace(String spaceGuid) {
        return canReadSecretsGlobally() || hasSpaceRole(spaceGuid, SECRET_READERS);
    }

    public boolean canReadRoutesInSpace(String spaceGuid, String orgGuid) {
        return canReadSpace(spaceGuid, orgGuid) || hasOrgRole(orgGuid, ROUTE_ORG_READERS);
    }

    /** Whether the principal reads the private domains of an organization: org manager or auditor, or any space role. */
    public boolean canReadDomainsOf(String orgGuid) {
        return canReadGlobally() || hasOrgRole(orgGuid, DOMAIN_ORG_READERS) || myRoles().stream()
                .anyMatch(r -> r.type().isSpaceRole() && r.organizationGuid().equals(orgGuid));
    }

    /** Private domains the principal can see, as {@link #canReadDomainsOf} decides per organization. */
    public Visibility domainVisibility() {
        return canReadGlobally() ? Visibility.everything()
                : Visibility.of(principal.userGuid(), SPACE_READERS, DOMAIN_ORG_READERS);
    }

    /** Organizations the principal can see: any org role (space roles imply an org role). */
    public Visibility orgVisibility() {
        return canReadGlobally() ? Visibility.everything()
                : Visibility.of(principal.userGuid(), SPACE_READERS, ORG_READERS);
    }

    /** Spaces (and space-owned resources) the principal can see: any space role, or org manager. */
    public Visibility spaceVisibility() {
        return canReadGlobally() ? Visibility.everything()
                : Visibility.of(principal.userGuid(), SPACE_READERS, ORG_MANAGERS);
    }

    public Visibility routeVisibility() {
        return canReadGlobally() ? Visibility.everything()
                : Visibility.of(principal.userGuid(), SPACE_READERS, ROUTE_ORG_READERS);
    }

    /**
     * Whether the principal sees an audit event of this space and organization (either may be null): global readers
     * all; space auditors, developers and supporters those of their space; org auditors those of their org.
     */
    public boolean canReadEvent(String spaceGuid, String orgGuid) {
        return canReadGlobally() || (spaceGuid != null && hasSpaceRole(spaceGuid, EVENT_SPACE_READERS))
                || (orgGuid != null && hasOrgRole(orgGuid, EVENT_ORG_READERS));
    }

    /** Audit events the principal can see, as {@link #canReadEvent} decides for one event. */
    public Visibility eventVisibility() {
        return canReadGlobally() ? Visibility.everything()
                : Visibility.of(principal.userGuid(), EVENT_SPACE_READERS, EVENT_ORG_READERS);
    }

    /** Whether the principal holds {@code organization_manager} in any organization (user creation by org managers). */
    public boolean isOrgManagerOfAnyOrg() {
        return myRoles().stream().anyMatch(r -> ORG_MANAGERS.contains(r.type()));
    }

    /**
     * Whether the principal sees a role: a space role when it can read the space ({@link #canReadSpace}), an org
     * role when it holds any org role in that organization; global readers see all.
     */
    public boolean canReadRole(Role role) {
        if (canReadGlobally()) {
            return true;
        }
        return role.type().isSpaceRole() ? canReadSpace(role.spaceGuid(), role.organizationGuid())
                : hasOrgRole(role.organizationGuid(), ROLE_ORG_READERS);
    }

    /** Roles the principal can see, as {@link #canReadRole} decides for one role. */
    public RoleVisibility roleVisibility() {
        if (canReadGlobally()) {
            return RoleVisibility.everything();
        }
        return new RoleVisibility(spaceVisibility(), Visibility.of(principal.userGuid(), Set.of(), ROLE_ORG_READERS));
    }
}
