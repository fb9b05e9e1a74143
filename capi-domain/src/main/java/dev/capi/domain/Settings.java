package dev.capi.domain;

import java.util.Map;

/**
 * Configuration values that change domain behaviour (the reference's cloud_controller.yml keys that matter here);
 * {@code featureFlagOverrides} is the reference's {@code feature_flag_overrides}, written at boot.
 */
public record Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                       Map<String, Boolean> featureFlagOverrides) {
    public Settings {
        featureFlagOverrides = Map.copyOf(featureFlagOverrides);
    }

    public static Settings defaults() {
        return new Settings(50, 200, false, Map.of());
    }

    public Settings withFeatureFlagOverrides(Map<String, Boolean> overrides) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, overrides);
    }
}
