package dev.capi.domain.servicebindings;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Organization;
import dev.capi.model.Space;

/**
 * The reference's checks for bindings: reading a space (its roles or its org manager), managing apps or writing in
 * an active space (403 otherwise), and the writable space rule (suspended organization or space).
 */
final class BindingAccess {
    private final BindingContext c;

    BindingAccess(BindingContext c) {
        this.c = c;
    }

    boolean canRead(Permissions perms, String spaceGuid) {
        return c.spaces().find(spaceGuid).map(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElse(false);
    }

    /** A readable instance (through its space or a space it is shared to), else 422 "could not be found". */
    BindableInstance readableInstance(Permissions perms, String guid, boolean quoted) {
        BindableInstance instance = c.instances().find(guid).orElse(null);
        if (instance == null || instance.allSpaceGuids().stream().noneMatch(s -> canRead(perms, s))) {
            throw CfException.unprocessable("The service instance could not be found: "
                    + (quoted ? "'" + guid + "'" : guid));
        }
        return instance;
    }

    /** Space developers and supporters (and admins) of an active, writable space. */
    void requireAppManager(Permissions perms, String spaceGuid) {
        if (!perms.canManageApps(spaceGuid)) {
            throw CfException.notAuthorized();
        }
        requireWritable(perms, spaceGuid);
    }

    /** Space developers (and admins) of an active, writable space. */
    void requireWriter(Permissions perms, String spaceGuid) {
        if (!perms.canWriteSpace(spaceGuid)) {
            throw CfException.notAuthorized();
        }
        requireWritable(perms, spaceGuid);
    }

    /** Non-admins cannot change a suspended organization, nor a suspended space unless they manage its org. */
    void requireWritable(Permissions perms, String spaceGuid) {
        if (perms.canWriteGlobally()) {
            return;
        }
        Space space = c.spaces().find(spaceGuid).orElseThrow(CfException::notAuthorized);
        boolean orgSuspended = c.organizations().find(space.organizationGuid()).map(Organization::suspended)
                .orElse(false);
        if (orgSuspended) {
            throw CfException.of(CfError.OrgSuspended);
        }
        if (space.suspended() && !perms.canWriteOrg(space.organizationGuid())) {
            throw CfException.of(CfError.SpaceSuspended);
        }
    }
}
