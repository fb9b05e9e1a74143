package dev.capi.domain.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.Organization;
import dev.capi.model.Route;
import dev.capi.model.Space;

/** Loads routes on a principal's behalf and applies the reference's read (404), manage (403) and writable checks. */
final class RouteAccess {
    private final RoutingContext c;

    RouteAccess(RoutingContext c) {
        this.c = c;
    }

    /** A route with its space and organization. */
    record Located(Route route, Space space, Organization organization) {
    }

    /** The route if the principal reads routes in its space (space roles, org managers and auditors), else 404. */
    Located readable(Permissions perms, String guid) {
        Route route = c.routes().find(guid).orElseThrow(() -> CfException.notFound("Route"));
        Space space = c.spaces().find(route.spaceGuid()).orElseThrow(() -> CfException.notFound("Route"));
        if (!perms.canReadRoutesInSpace(space.guid(), space.organizationGuid())) {
            throw CfException.notFound("Route");
        }
        Organization org = c.organizations().find(space.organizationGuid())
                .orElseThrow(() -> CfException.notFound("Route"));
        return new Located(route, space, org);
    }

    /** Readable, then app managers (admin, space developer, supporter) of an active space, else 403. */
    Located manageable(Permissions perms, String guid) {
        Located l = readable(perms, guid);
        if (!perms.canManageApps(l.space().guid())) {
            throw CfException.notAuthorized();
        }
        requireWritable(perms, l.space(), l.organization());
        return l;
    }

    /** Non-admins cannot change a suspended organization, nor a suspended space unless they manage its org. */
    static void requireWritable(Permissions perms, Space space, Organization org) {
        if (perms.canWriteGlobally()) {
            return;
        }
        if (org.suspended()) {
            throw CfException.of(CfError.OrgSuspended);
        }
        if (space.suspended() && !perms.canWriteOrg(org.guid())) {
            throw CfException.of(CfError.SpaceSuspended);
        }
    }

    /** Whether the target space is usable by a non-admin: not suspended (nor its organization). */
    boolean active(Permissions perms, Space space) {
        if (perms.canWriteGlobally()) {
            return true;
        }
        boolean orgSuspended = c.organizations().find(space.organizationGuid()).map(Organization::suspended)
                .orElse(false);
        return !orgSuspended && !space.suspended();
    }
}
