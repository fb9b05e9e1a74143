package dev.capi.domain.query;


/**
 * Which roles a viewer sees, as data for SQL: space roles through their space ({@code spaceRoles}, rendered on the
 * role's space and organization), organization roles through their organization ({@code orgRoles}).
 */
public record RoleVisibility(Visibility spaceRoles, Visibility orgRoles) {
    public static RoleVisibility everything() {
        return new RoleVisibility(Visibility.everything(), Visibility.everything());
    }

    public boolean all() {
        return spaceRoles.all() && orgRoles.all();
    }
}
