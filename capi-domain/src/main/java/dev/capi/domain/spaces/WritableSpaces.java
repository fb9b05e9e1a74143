package dev.capi.domain.spaces;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.model.Organization;
import dev.capi.model.Space;

/**
 * The reference's {@code require_writable_org!} and {@code require_writable_space!}, for any action that changes
 * something in an organization or a space: admins bypass both; otherwise a suspended organization refuses everyone
 * (403 OrgSuspended), then a suspended space refuses everyone but the organization's managers (403 SpaceSuspended).
 */
public final class WritableSpaces {
    private final OrganizationRepository organizations;

    public WritableSpaces(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** Refuses non-admins when the organization is suspended. */
    public void requireWritableOrg(Permissions perms, String organizationGuid) {
        if (perms.canWriteGlobally()) {
            return;
        }
        if (organizations.find(organizationGuid).map(Organization::suspended).orElse(false)) {
            throw CfException.of(CfError.OrgSuspended);
        }
    }

    /** Refuses non-admins when the space's organization is suspended, and all but org managers when the space is. */
    public void requireWritableSpace(Permissions perms, Space space) {
        requireWritableOrg(perms, space.organizationGuid());
        if (perms.canWriteGlobally() || perms.hasOrgRole(space.organizationGuid(), Permissions.ORG_MANAGERS)) {
            return;
        }
        if (space.suspended()) {
            throw CfException.of(CfError.SpaceSuspended);
        }
    }
}
