package dev.capi.model;

/** Who may use a service plan: everyone, admins only, some organizations, or the space of a space-scoped broker. */
public enum ServicePlanVisibilityType {
    PUBLIC("public"), ADMIN("admin"), ORGANIZATION("organization"), SPACE("space");

    private final String wireName;

    ServicePlanVisibilityType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
