package dev.capi.domain.quotas;

import dev.capi.model.QuotaLimits;

/**
 * The quotas a change falls under and what is used of them: the organization's quota and usage, and (for changes
 * inside a space) the space's quota and usage. A missing quota ({@code null}) limits nothing.
 */
public record QuotaScope(String organizationName, QuotaLimits organizationQuota, QuotaUsage organizationUsage,
                         String spaceName, QuotaLimits spaceQuota, QuotaUsage spaceUsage) {
    public QuotaScope {
        organizationUsage = organizationUsage == null ? QuotaUsage.none() : organizationUsage;
        spaceUsage = spaceUsage == null ? QuotaUsage.none() : spaceUsage;
    }

    /** A scope with no space (organization-level resources such as private domains). */
    public static QuotaScope organization(String name, QuotaLimits quota, QuotaUsage usage) {
        return new QuotaScope(name, quota, usage, null, null, QuotaUsage.none());
    }
}
