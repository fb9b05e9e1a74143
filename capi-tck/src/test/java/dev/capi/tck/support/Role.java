package dev.capi.tck.support;

/** The identities of the reference's role matrix: global scopes, the four org roles, the four space roles, none. */
public enum Role {
    ADMIN(null), ADMIN_READ_ONLY(null), GLOBAL_AUDITOR(null),
    ORG_MANAGER("organization_manager"), ORG_AUDITOR("organization_auditor"),
    ORG_BILLING_MANAGER("organization_billing_manager"), ORG_USER("organization_user"),
    SPACE_MANAGER("space_manager"), SPACE_DEVELOPER("space_developer"), SPACE_AUDITOR("space_auditor"),
    SPACE_SUPPORTER("space_supporter"), NO_ROLE(null);

    private final String roleType;

    Role(String roleType) {
        this.roleType = roleType;
    }

    /** The V3 role type to grant, or null for global or no role. */
    public String roleType() {
        return roleType;
    }

    public boolean isSpaceRole() {
        return roleType != null && roleType.startsWith("space_");
    }
}
