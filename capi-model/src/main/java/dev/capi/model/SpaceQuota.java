package dev.capi.model;

import java.time.Instant;
import java.util.List;

/** A space quota, owned by one organization, and the spaces it is applied to, as far as the reader may see them. */
public record SpaceQuota(String guid, Instant createdAt, Instant updatedAt, String name, String organizationGuid,
                         QuotaLimits limits, List<String> spaceGuids) {
    public SpaceQuota {
        spaceGuids = List.copyOf(spaceGuids);
    }

    public SpaceQuota withSpaceGuids(List<String> guids) {
        return new SpaceQuota(guid, createdAt, updatedAt, name, organizationGuid, limits, guids);
    }
}
