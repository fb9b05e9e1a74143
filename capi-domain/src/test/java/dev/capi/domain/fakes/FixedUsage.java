package dev.capi.domain.fakes;

import dev.capi.domain.quotas.QuotaUsage;
import dev.capi.domain.quotas.QuotaUsageRepository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link QuotaUsageRepository} answering what the test set: usage per org/space, names running unlimited log rates. */
public final class FixedUsage implements QuotaUsageRepository {
    private final Map<String, QuotaUsage> organizations = new HashMap<>();
    private final Map<String, QuotaUsage> spaces = new HashMap<>();
    private final Map<String, List<String>> orgNamesByQuota = new HashMap<>();
    private final Map<String, List<String>> spaceNamesByQuota = new HashMap<>();
    private final Set<String> unlimitedLogRate = new HashSet<>();
    private QuotaUsage platform = QuotaUsage.none();

    public FixedUsage organization(String guid, QuotaUsage usage) {
        organizations.put(guid, usage);
        return this;
    }

    public FixedUsage space(String guid, QuotaUsage usage) {
        spaces.put(guid, usage);
        return this;
    }

    public FixedUsage platform(QuotaUsage usage) {
        platform = usage;
        return this;
    }

    /** Marks orgs or spaces (by guid) as running unlimited-log-rate processes. */
    public FixedUsage unlimitedLogRateIn(String... guids) {
        unlimitedLogRate.addAll(List.of(guids));
        return this;
    }

    public FixedUsage unlimitedLogRateOrgsOfQuota(String quotaGuid, List<String> names) {
        orgNamesByQuota.put(quotaGuid, names);
        return this;
    }

    public FixedUsage unlimitedLogRateSpacesOfQuota(String quotaGuid, List<String> names) {
        spaceNamesByQuota.put(quotaGuid, names);
        return this;
    }

    @Override
    public QuotaUsage organization(String organizationGuid) {
        return organizations.getOrDefault(organizationGuid, QuotaUsage.none());
    }

    @Override
    public QuotaUsage space(String spaceGuid) {
        return spaces.getOrDefault(spaceGuid, QuotaUsage.none());
    }

    @Override
    public QuotaUsage platform() {
        return platform;
    }

    @Override
    public List<String> organizationsWithUnlimitedLogRate(String organizationQuotaGuid) {
        return orgNamesByQuota.getOrDefault(organizationQuotaGuid, List.of());
    }

    @Override
    public List<String> spacesWithUnlimitedLogRate(String spaceQuotaGuid) {
        return spaceNamesByQuota.getOrDefault(spaceQuotaGuid, List.of());
    }

    @Override
    public boolean unlimitedLogRateInOrganizations(Collection<String> organizationGuids) {
        return organizationGuids.stream().anyMatch(unlimitedLogRate::contains);
    }

    @Override
    public boolean unlimitedLogRateInSpaces(Collection<String> spaceGuids) {
        return spaceGuids.stream().anyMatch(unlimitedLogRate::contains);
    }
}
