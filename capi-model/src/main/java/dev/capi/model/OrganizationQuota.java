package dev.capi.model;

import java.time.Instant;
import java.util.List;

/**
 * An organization quota (the reference's quota definition) and the organizations it is applied to, as far as the
 * reader may see them.
 */
public record OrganizationQuota(String guid, Instant createdAt, Instant updatedAt, String name, QuotaLimits limits,
                                List<String> organizationGuids) {
    public OrganizationQuota {
        organizationGuids = List.copyOf(organizationGuids);
    }

    public OrganizationQuota withOrganizationGuids(List<String> guids) {
        return new OrganizationQuota(guid, createdAt, updatedAt, name, limits, guids);
    }
}
