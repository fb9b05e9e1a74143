package dev.capi.domain.roles;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserRegistry;
import dev.capi.model.Role;
import dev.capi.model.RoleType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Gives roles as a side effect of other actions (e.g. the creator of an org becomes its user and manager). */
public final class RoleGrants implements dev.capi.domain.organizations.CreatorRoles {
    private final RoleRepository roles;
    private final UserRegistry users;
    private final Clock clock;
    private final Guids guids;

    public RoleGrants(RoleRepository roles, UserRegistry users, Clock clock, Guids guids) {
        this.roles = roles;
        this.users = users;
        this.clock = clock;
        this.guids = guids;
    }

    /** Idempotent: returns the existing role when the user already holds it. */
    @Override
    public Role grantOrgRole(Principal principal, RoleType type, String orgGuid) {
        users.ensure(principal);
        return roles.find(type, principal.userGuid(), orgGuid, null).orElseGet(() -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var role = new Role(guids.next(), now, now, type, principal.userGuid(), orgGuid, null);
            roles.insert(role);
            return role;
        });
    }
}
