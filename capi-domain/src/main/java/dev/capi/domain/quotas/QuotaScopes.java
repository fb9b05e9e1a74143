package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.Space;
import dev.capi.model.SpaceQuota;

/**
 * Loads the {@link QuotaScope} of a space or an organization (quotas and current usage) for the {@link QuotaGuard};
 * call it inside the transaction of the change it guards.
 */
public final class QuotaScopes {
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final OrganizationQuotaRepository organizationQuotas;
    private final SpaceQuotaRepository spaceQuotas;
    private final QuotaUsageRepository usage;

    public QuotaScopes(OrganizationRepository organizations, SpaceRepository spaces,
                       OrganizationQuotaRepository organizationQuotas, SpaceQuotaRepository spaceQuotas,
                       QuotaUsageRepository usage) {
        this.organizations = organizations;
        this.spaces = spaces;
        this.organizationQuotas = organizationQuotas;
        this.spaceQuotas = spaceQuotas;
        this.usage = usage;
    }

    /** The quotas and usage of a space and its organization. */
    public QuotaScope forSpace(String spaceGuid) {
        Space space = spaces.find(spaceGuid).orElseThrow(() -> CfException.notFound("Space"));
        Organization org = organizations.find(space.organizationGuid())
                .orElseThrow(() -> CfException.notFound("Organization"));
        QuotaLimits spaceQuota = space.quotaGuid() == null ? null
                : spaceQuotas.find(space.quotaGuid(), Visibility.nothing()).map(SpaceQuota::limits).orElse(null);
        return new QuotaScope(org.name(), organizationQuota(org), usage.organization(org.guid()), space.name(),
                spaceQuota, spaceQuota == null ? QuotaUsage.none() : usage.space(spaceGuid));
    }

    /** The quota and usage of an organization alone. */
    public QuotaScope forOrganization(String organizationGuid) {
        Organization org = organizations.find(organizationGuid)
                .orElseThrow(() -> CfException.notFound("Organization"));
        return QuotaScope.organization(org.name(), organizationQuota(org), usage.organization(org.guid()));
    }

    private QuotaLimits organizationQuota(Organization org) {
        return org.quotaGuid() == null ? null
                : organizationQuotas.find(org.quotaGuid(), Visibility.nothing()).map(OrganizationQuota::limits)
                .orElse(null);
    }
}
