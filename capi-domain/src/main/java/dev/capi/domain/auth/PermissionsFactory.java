package dev.capi.domain.auth;

import dev.capi.domain.roles.RoleRepository;

/** Makes one request's {@link Permissions} from its principal (roles loaded lazily, once). */
public final class PermissionsFactory {
    private final RoleRepository roles;

    public PermissionsFactory(RoleRepository roles) {
        this.roles = roles;
    }

    public Permissions of(Principal principal) {
        return new Permissions(principal, roles);
    }
}
