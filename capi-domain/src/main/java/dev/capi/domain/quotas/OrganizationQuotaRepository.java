package dev.capi.domain.quotas;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.OrganizationQuota;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: organization quotas. List filters: guids, names, organization_guids (matched only through organizations the
 * query's visibility can read). Order: created_at, updated_at. Each quota comes with the guids of the organizations
 * it is applied to that {@code organizationsVisible} (the query's visibility, for lists) can read.
 */
public interface OrganizationQuotaRepository {
    Optional<OrganizationQuota> find(String guid, Visibility organizationsVisible);

    Optional<OrganizationQuota> findByName(String name);

    Page<OrganizationQuota> list(ListQuery query);

    boolean nameTaken(String name);

    /** Inserts the quota (its organization guids are ignored); a taken name is 422 "Organization Quota 'x' already exists.". */
    void insert(OrganizationQuota quota);

    /** Updates name and limits; a taken name is 422 as for {@link #insert}. */
    void update(OrganizationQuota quota);

    void delete(String guid);

    /** Makes the quota the quota of these organizations (their {@code updated_at} becomes {@code at}). */
    void applyTo(String quotaGuid, Collection<String> organizationGuids, Instant at);

    /** Every organization the quota is applied to, in creation order. */
    List<String> organizationGuids(String quotaGuid);

    boolean inUse(String quotaGuid);
}
