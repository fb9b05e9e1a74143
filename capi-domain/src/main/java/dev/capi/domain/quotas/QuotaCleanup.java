package dev.capi.domain.quotas;

import dev.capi.domain.organizations.OrganizationCleanup;

/** Removes an organization's space quotas when the organization is deleted. */
public final class QuotaCleanup implements OrganizationCleanup {
    private final SpaceQuotaRepository spaceQuotas;

    public QuotaCleanup(SpaceQuotaRepository spaceQuotas) {
        this.spaceQuotas = spaceQuotas;
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        spaceQuotas.deleteForOrganization(organizationGuid);
    }
}
