package dev.capi.domain.fakes;

import dev.capi.domain.query.Visibility;
import dev.capi.domain.roles.RoleRepository;

/** Evaluates a {@link Visibility} against roles in memory, as persistence's visibility SQL does. */
public final class VisibleByRoles {
    private VisibleByRoles() {
    }

    /** Whether a row of this space (may be null) and organization is visible. */
    public static boolean test(Visibility v, RoleRepository roles, String spaceGuid, String orgGuid) {
        if (v.all()) {
            return true;
        }
        if (v.userGuid() == null) {
            return false;
        }
        return roles.forUser(v.userGuid()).stream().anyMatch(r -> {
            if (r.type().isSpaceRole()) {
                if (spaceGuid != null) {
                    return r.spaceGuid().equals(spaceGuid) && v.spaceRoles().contains(r.type());
                }
                return r.organizationGuid().equals(orgGuid) && v.spaceRoles().contains(r.type());
            }
            return r.organizationGuid().equals(orgGuid) && v.orgRoles().contains(r.type());
        });
    }
}
