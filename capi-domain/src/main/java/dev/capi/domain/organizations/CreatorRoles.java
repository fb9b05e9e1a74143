package dev.capi.domain.organizations;

import dev.capi.domain.auth.Principal;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

/** Port: gives the user who creates an organization its roles there (implemented by the roles' grants). */
public interface CreatorRoles {
    Role grantOrgRole(Principal principal, RoleType type, String orgGuid);
}
