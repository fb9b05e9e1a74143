package dev.capi.domain.quotas;

import java.util.Collection;
import java.util.List;

/**
 * Port: current usage, computed by the database from whatever resources exist (apps, processes, tasks, routes,
 * service instances, service keys, private domains), each resource contributing its share.
 */
public interface QuotaUsageRepository {
    QuotaUsage organization(String organizationGuid);

    QuotaUsage space(String spaceGuid);

    QuotaUsage platform();

    /** Names (sorted) of the organizations using this org quota that hold processes with an unlimited log rate. */
    List<String> organizationsWithUnlimitedLogRate(String organizationQuotaGuid);

    /** Names (sorted) of the spaces using this space quota that hold processes with an unlimited log rate. */
    List<String> spacesWithUnlimitedLogRate(String spaceQuotaGuid);

    boolean unlimitedLogRateInOrganizations(Collection<String> organizationGuids);

    boolean unlimitedLogRateInSpaces(Collection<String> spaceGuids);
}
