package dev.capi.model;

import java.util.Arrays;
import java.util.Optional;

/** The eight org and space role types, named as on the wire. */
public enum RoleType {
    ORGANIZATION_USER("organization_user", false),
    ORGANIZATION_AUDITOR("organization_auditor", false),
    ORGANIZATION_MANAGER("organization_manager", false),
    ORGANIZATION_BILLING_MANAGER("organization_billing_manager", false),
    SPACE_AUDITOR("space_auditor", true),
    SPACE_DEVELOPER("space_developer", true),
    SPACE_MANAGER("space_manager", true),
    SPACE_SUPPORTER("space_supporter", true);

    private final String wireName;
    private final boolean spaceRole;

    RoleType(String wireName, boolean spaceRole) {
        this.wireName = wireName;
        this.spaceRole = spaceRole;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isSpaceRole() {
        return spaceRole;
    }

    public static Optional<RoleType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
