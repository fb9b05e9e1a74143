package dev.capi.domain.quotas;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;

/**
 * {@code GET /v3/organizations/:guid/usage_summary}, {@code GET /v3/spaces/:guid/usage_summary} and
 * {@code GET /v3/info/usage_summary}.
 */
public final class UsageSummaries {
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final QuotaUsageRepository usage;
    private final Transactions tx;

    public UsageSummaries(OrganizationRepository organizations, SpaceRepository spaces, QuotaUsageRepository usage,
                          Transactions tx) {
        this.organizations = organizations;
        this.spaces = spaces;
        this.usage = usage;
        this.tx = tx;
    }

    /**
     * The space's usage, its domains being its organization's private domains (as the reference's
     * SpaceUsageSummaryPresenter); 404 "Space not found" unless the principal can read the space.
     */
    public QuotaUsage space(Permissions perms, String spaceGuid) {
        return tx.inTransaction(() -> {
            var space = spaces.find(spaceGuid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Space"));
            return usage.space(space.guid())
                    .withPrivateDomains(usage.organization(space.organizationGuid()).privateDomains());
        });
    }

    /** The organization's usage; 404 "Organization not found" unless the principal can read the organization. */
    public QuotaUsage organization(Permissions perms, String organizationGuid) {
        return tx.inTransaction(() -> {
            organizations.find(organizationGuid).filter(o -> perms.canReadOrg(o.guid()))
                    .orElseThrow(() -> CfException.notFound("Organization"));
            return usage.organization(organizationGuid);
        });
    }

    /** The platform's usage, for global readers only (others get the reference's 404 "Unknown request"). */
    public QuotaUsage platform(Permissions perms) {
        if (!perms.canReadGlobally()) {
            throw CfException.of(CfError.NotFound);
        }
        return tx.inTransaction(usage::platform);
    }
}
