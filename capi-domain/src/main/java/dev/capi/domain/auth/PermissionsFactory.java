package dev.capi.domain.auth;

/** Makes one request's {@link Permissions} from its principal (roles loaded lazily, once). */
public final class PermissionsFactory {
    private final RoleSource roles;

    public PermissionsFactory(RoleSource roles) {
        this.roles = roles;
    }

    public Permissions of(Principal principal) {
        return new Permissions(principal, roles);
    }
}
