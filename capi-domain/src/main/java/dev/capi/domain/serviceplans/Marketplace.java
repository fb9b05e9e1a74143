package dev.capi.domain.serviceplans;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.query.Visibility;
import dev.capi.model.RoleType;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sees which plans and offerings (the reference's ServicePermissions and BaseServiceListFetcher): global readers
 * see all; a signed-in user sees public plans, plans visible in an organization where the user holds any role, and
 * the plans of space-scoped brokers in spaces where the user holds a space role; an unauthenticated caller sees public
 * plans, or nothing but 401 when {@code hide_marketplace_from_unauthenticated_users} is on. Rendered to SQL by the
 * repositories from the {@link Visibility} value: its space roles say which space roles reveal space-scoped plans,
 * its organization roles which roles reveal organization-visible plans; an anonymous visibility has neither.
 */
public final class Marketplace {
    /** Every role (a space role is held in an organization too). */
    public static final Set<RoleType> ORG_MEMBERS = EnumSet.allOf(RoleType.class);
    /** The reference's SPACE_ROLES: space developer, manager, auditor, supporter. */
    public static final Set<RoleType> SPACE_MEMBERS = Permissions.SPACE_READERS;
    /** The user guid of an anonymous visibility: no roles match it. */
    static final String ANONYMOUS = "";

    private final FeatureFlags flags;

    public Marketplace(FeatureFlags flags) {
        this.flags = flags;
    }

    /** The visibility for {@code perms}, null when the caller is unauthenticated (401 when the flag hides it). */
    public Visibility visibility(Permissions perms) {
        if (perms == null || perms.principal() == null) {
            if (flags.enabled("hide_marketplace_from_unauthenticated_users")) {
                throw CfException.of(CfError.NotAuthenticated);
            }
            return Visibility.of(ANONYMOUS, Set.of(), Set.of());
        }
        if (perms.canReadGlobally()) {
            return Visibility.everything();
        }
        return Visibility.of(perms.principal().userGuid(), SPACE_MEMBERS, ORG_MEMBERS);
    }

    /** Whether the visibility is an anonymous caller's: only public plans. */
    public static boolean anonymous(Visibility v) {
        return !v.all() && ANONYMOUS.equals(v.userGuid());
    }
}
