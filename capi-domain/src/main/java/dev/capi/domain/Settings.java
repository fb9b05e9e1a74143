package dev.capi.domain;

import java.util.Map;

/**
 * Configuration values that change domain behaviour (the reference's cloud_controller.yml keys that matter here);
 * {@code featureFlagOverrides} is the reference's {@code feature_flag_overrides}, written at boot; {@code appsDomain}
 * is the shared apps domain seeded at boot (the reference's {@code app_domains}; null or blank: none).
 */
public record Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                       Map<String, Boolean> featureFlagOverrides, String appsDomain) {
    public static final String DEFAULT_APPS_DOMAIN = "apps.localhost";

    public Settings {
        featureFlagOverrides = Map.copyOf(featureFlagOverrides);
    }

    public Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                    Map<String, Boolean> featureFlagOverrides) {
        this(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, featureFlagOverrides,
                DEFAULT_APPS_DOMAIN);
    }

    public static Settings defaults() {
        return new Settings(50, 200, false, Map.of());
    }

    public Settings withFeatureFlagOverrides(Map<String, Boolean> overrides) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, overrides,
                appsDomain);
    }

    public Settings withAppsDomain(String domain) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager,
                featureFlagOverrides, domain);
    }
}
