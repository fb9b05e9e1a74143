package dev.capi.domain.serviceplans;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.spaces.SpaceRepository;

/**
 * Who may change a catalog row (offering or plan): admins, and space developers of a space-scoped broker's space
 * (the reference's {@code current_user_can_write?}).
 */
public final class CatalogWriters {
    private final SpaceRepository spaces;

    public CatalogWriters(SpaceRepository spaces) {
        this.spaces = spaces;
    }

    public boolean canWrite(Permissions perms, String brokerSpaceGuid) {
        if (perms.canWriteGlobally()) {
            return true;
        }
        return brokerSpaceGuid != null && spaces.find(brokerSpaceGuid).isPresent()
                && perms.canWriteSpace(brokerSpaceGuid);
    }
}
