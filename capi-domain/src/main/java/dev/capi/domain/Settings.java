package dev.capi.domain;

import dev.capi.domain.securitygroups.SecurityGroupSettings;

import java.util.Map;

/**
 * Configuration values that change domain behaviour (the reference's cloud_controller.yml keys that matter here);
 * {@code featureFlagOverrides} is the reference's {@code feature_flag_overrides}, written at boot;
 * {@code securityGroups} the seeded security groups, the global running/staging defaults and the rule options.
 */
public record Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                       Map<String, Boolean> featureFlagOverrides, SecurityGroupSettings securityGroups) {
    public Settings {
        featureFlagOverrides = Map.copyOf(featureFlagOverrides);
    }

    public Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                    Map<String, Boolean> featureFlagOverrides) {
        this(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, featureFlagOverrides,
                SecurityGroupSettings.none());
    }

    public static Settings defaults() {
        return new Settings(50, 200, false, Map.of());
    }

    public Settings withFeatureFlagOverrides(Map<String, Boolean> overrides) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, overrides,
                securityGroups);
    }

    public Settings withSecurityGroups(SecurityGroupSettings groups) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager,
                featureFlagOverrides, groups);
    }
}
