package dev.capi.domain.query;

import dev.capi.model.RoleType;

import java.util.Set;

/**
 * Which rows of a list the principal may see, as data persistence turns into SQL: everything, or the rows whose
 * space the user holds one of {@code spaceRoles} in, or whose organization the user holds one of {@code orgRoles} in.
 */
public record Visibility(boolean all, String userGuid, Set<RoleType> spaceRoles, Set<RoleType> orgRoles) {
    public Visibility {
        spaceRoles = Set.copyOf(spaceRoles);
        orgRoles = Set.copyOf(orgRoles);
    }

    public static Visibility everything() {
        return new Visibility(true, null, Set.of(), Set.of());
    }

    public static Visibility of(String userGuid, Set<RoleType> spaceRoles, Set<RoleType> orgRoles) {
        return new Visibility(false, userGuid, spaceRoles, orgRoles);
    }

    /** Sees nothing (e.g. usage events for non-global readers). */
    public static Visibility nothing() {
        return new Visibility(false, null, Set.of(), Set.of());
    }
}
