package dev.capi.domain;

import dev.capi.domain.securitygroups.SecurityGroupSettings;
import dev.capi.model.QuotaLimits;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration values that change domain behaviour (the reference's cloud_controller.yml keys that matter here);
 * {@code featureFlagOverrides} is the reference's {@code feature_flag_overrides}, written at boot;
 * {@code quotaDefinitions} and {@code defaultQuotaDefinition} are the reference's {@code quota_definitions} (seeded
 * at boot) and {@code default_quota_definition} (the quota new organizations get); {@code securityGroups} the
 * seeded security groups, the global running/staging defaults and the rule options; {@code appsDomain} is the shared
 * apps domain seeded at boot (the reference's {@code app_domains}; null or blank: none).
 */
public record Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                       Map<String, Boolean> featureFlagOverrides, Map<String, QuotaLimits> quotaDefinitions,
                       String defaultQuotaDefinition, SecurityGroupSettings securityGroups, String appsDomain) {
    /** The reference's sample {@code default} quota: 10240 MB, 100 service instances, paid plans, 1000 routes. */
    public static final QuotaLimits SAMPLE_DEFAULT_QUOTA = new QuotaLimits(10240, QuotaLimits.UNLIMITED,
            QuotaLimits.UNLIMITED, QuotaLimits.UNLIMITED, QuotaLimits.UNLIMITED, true, 100, QuotaLimits.UNLIMITED,
            1000, 0, QuotaLimits.UNLIMITED);
    public static final String DEFAULT_APPS_DOMAIN = "apps.localhost";

    public Settings {
        featureFlagOverrides = Map.copyOf(featureFlagOverrides);
        quotaDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(quotaDefinitions));
    }

    public Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                    Map<String, Boolean> featureFlagOverrides, Map<String, QuotaLimits> quotaDefinitions,
                    String defaultQuotaDefinition, SecurityGroupSettings securityGroups) {
        this(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, featureFlagOverrides,
                quotaDefinitions, defaultQuotaDefinition, securityGroups, DEFAULT_APPS_DOMAIN);
    }

    public Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                    Map<String, Boolean> featureFlagOverrides, Map<String, QuotaLimits> quotaDefinitions,
                    String defaultQuotaDefinition) {
        this(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, featureFlagOverrides,
                quotaDefinitions, defaultQuotaDefinition, SecurityGroupSettings.none());
    }

    public Settings(int maxLabelsPerResource, int maxAnnotationsPerResource, boolean allowUserCreationByOrgManager,
                    Map<String, Boolean> featureFlagOverrides) {
        this(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, featureFlagOverrides,
                Map.of("default", SAMPLE_DEFAULT_QUOTA), "default");
    }

    public static Settings defaults() {
        return new Settings(50, 200, false, Map.of());
    }

    public Settings withFeatureFlagOverrides(Map<String, Boolean> overrides) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager, overrides,
                quotaDefinitions, defaultQuotaDefinition, securityGroups, appsDomain);
    }

    /** Seeds these quotas and gives new organizations the one named {@code defaultName} (null: none). */
    public Settings withQuotaDefinitions(Map<String, QuotaLimits> definitions, String defaultName) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager,
                featureFlagOverrides, definitions, defaultName, securityGroups, appsDomain);
    }

    /** Seeds these security groups (when there are none) and validates rules with these options. */
    public Settings withSecurityGroups(SecurityGroupSettings groups) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager,
                featureFlagOverrides, quotaDefinitions, defaultQuotaDefinition, groups, appsDomain);
    }

    /** Seeds this shared apps domain at boot (null or blank: none). */
    public Settings withAppsDomain(String domain) {
        return new Settings(maxLabelsPerResource, maxAnnotationsPerResource, allowUserCreationByOrgManager,
                featureFlagOverrides, quotaDefinitions, defaultQuotaDefinition, securityGroups, domain);
    }
}
