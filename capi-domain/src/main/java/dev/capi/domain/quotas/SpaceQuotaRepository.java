package dev.capi.domain.quotas;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.SpaceQuota;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: space quotas. List filters: guids, names, organization_guids, space_guids. Order: created_at, updated_at.
 * The query's visibility (space roles and org roles, as {@code Permissions.spaceVisibility()}) selects the quotas
 * applied to a space where the user holds one of the space roles, or owned by an organization where the user holds one
 * of the org roles; each quota comes with the guids of its spaces that visibility can read.
 */
public interface SpaceQuotaRepository {
    Optional<SpaceQuota> find(String guid, Visibility spacesVisible);

    Page<SpaceQuota> list(ListQuery query);

    boolean nameTaken(String organizationGuid, String name);

    /** Inserts the quota (its space guids are ignored); a taken name is 422 "Space Quota 'x' already exists.". */
    void insert(SpaceQuota quota);

    /** Updates name and limits; a taken name is 422 as for {@link #insert}. */
    void update(SpaceQuota quota);

    void delete(String guid);

    /** Makes the quota the quota of these spaces (their {@code updated_at} becomes {@code at}). */
    void applyTo(String quotaGuid, Collection<String> spaceGuids, Instant at);

    /** Takes the quota off one space (its {@code updated_at} becomes {@code at}). */
    void removeFrom(String quotaGuid, String spaceGuid, Instant at);

    /** Every space the quota is applied to, in creation order. */
    List<String> spaceGuids(String quotaGuid);

    boolean inUse(String quotaGuid);

    /** Removes the space quotas an organization owns (its spaces are gone already). */
    void deleteForOrganization(String organizationGuid);
}
