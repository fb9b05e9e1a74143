package dev.capi.domain.isolationsegments;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.IsolationSegment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: isolation segments (metadata loaded with them), their organization entitlements, and the two columns that
 * point at them (an organization's default segment, a space's segment). List filters: names, organization_guids,
 * guids; order: name; visibility: segments entitled to an organization the principal can read.
 */
public interface IsolationSegmentRepository {
    Optional<IsolationSegment> find(String guid);

    Page<IsolationSegment> list(ListQuery query);

    /** Whether another segment (not {@code exceptGuid}) has this name, ignoring case. */
    boolean nameTaken(String name, String exceptGuid);

    void insert(IsolationSegment segment);

    void update(IsolationSegment segment);

    void delete(String guid);

    /** The organizations entitled to the segment, in the order they were entitled. */
    List<String> organizationGuids(String segmentGuid);

    boolean entitled(String segmentGuid, String organizationGuid);

    /** Entitles the organization (nothing happens when it already is). */
    void entitle(String segmentGuid, String organizationGuid);

    void revoke(String segmentGuid, String organizationGuid);

    /** Removes every entitlement of an organization (it is being deleted). */
    void revokeAll(String organizationGuid);

    /** The spaces placed on the segment, in creation order. */
    List<String> spaceGuids(String segmentGuid);

    /** The names of the organization's spaces placed on the segment, in creation order. */
    List<String> spaceNames(String segmentGuid, String organizationGuid);

    /** The organization's default segment, if it has one. */
    Optional<String> organizationDefault(String organizationGuid);

    /** Sets (or clears, with null) the organization's default segment and its {@code updated_at}. */
    void setOrganizationDefault(String organizationGuid, String segmentGuid, Instant at);

    /** Whether the segment is some organization's default or some space's segment. */
    boolean inUseAsDefault(String segmentGuid);
}
