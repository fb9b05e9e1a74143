package dev.capi.domain;

/** Configuration values that change domain behaviour (the reference's cloud_controller.yml keys that matter here). */
public record Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager) {
    public static Settings defaults() {
        return new Settings(50, 200, false);
    }
}
