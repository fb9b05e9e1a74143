package dev.capi.domain.isolationsegments;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which organizations may use a segment (entitle, revoke, list) and which spaces are placed on it. Entitling an
 * organization to the shared segment also makes it the organization's default when it has none, as the reference.
 */
public final class IsolationSegmentEntitlements {
    private final IsolationSegmentRepository repository;
    private final IsolationSegments segments;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final Transactions tx;
    private final Clock clock;

    public IsolationSegmentEntitlements(IsolationSegmentRepository repository, IsolationSegments segments,
                                        OrganizationRepository organizations, SpaceRepository spaces,
                                        Transactions tx, Clock clock) {
        this.repository = repository;
        this.segments = segments;
        this.organizations = organizations;
        this.spaces = spaces;
        this.tx = tx;
        this.clock = clock;
    }

    /** The entitled organizations the principal can read (all of them for global readers). */
    public List<String> organizations(Permissions perms, String segmentGuid) {
        return tx.inTransaction(() -> {
            segments.visible(perms, segmentGuid);
            List<String> entitled = repository.organizationGuids(segmentGuid);
            return perms.canReadGlobally() ? entitled : entitled.stream().filter(perms::canReadOrg).toList();
        });
    }

    /**
     * {@code GET /v3/isolation_segments/:guid/organizations}: one page of the entitled organizations the principal
     * can read; 404 unless the principal can read the segment (global readers, or readers of an entitled org).
     */
    public Page<Organization> organizationPage(Permissions perms, String segmentGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            segments.visible(perms, segmentGuid);
            return organizations.list(query.withFilter(OrganizationRepository.ENTITLED_TO, List.of(segmentGuid))
                    .withVisibility(perms.orgVisibility()));
        });
    }

    /** The spaces on the segment that the principal can read (all of them for global readers). */
    public List<String> spaces(Permissions perms, String segmentGuid) {
        return tx.inTransaction(() -> {
            segments.visible(perms, segmentGuid);
            List<String> placed = repository.spaceGuids(segmentGuid);
            if (perms.canReadGlobally()) {
                return placed;
            }
            return spaces.findAll(placed).stream()
                    .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid())).map(Space::guid).toList();
        });
    }

    /**
     * Entitles every listed organization (admin only; all must exist, else nothing changes) and returns every
     * organization entitled afterwards.
     */
    public List<String> entitle(Permissions perms, String segmentGuid, List<String> organizationGuids) {
        segments.requireAdmin(perms);
        return tx.inTransaction(() -> {
            IsolationSegment segment = segments.existing(segmentGuid);
            List<Organization> found = organizations.findAll(organizationGuids.stream().distinct().toList());
            List<String> foundGuids = found.stream().map(Organization::guid).toList();
            List<String> missing = new ArrayList<>(organizationGuids);
            missing.removeAll(foundGuids);
            if (!missing.isEmpty()) {
                throw CfException.unprocessable("Unable to entitle organizations ["
                        + missing.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "))
                        + "] for the isolation segment. Ensure the organizations exist.");
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (Organization org : found) {
                repository.entitle(segmentGuid, org.guid());
                if (segment.isShared() && repository.organizationDefault(org.guid()).isEmpty()) {
                    repository.setOrganizationDefault(org.guid(), segmentGuid, now);
                }
            }
            return repository.organizationGuids(segmentGuid);
        });
    }

    /** Revokes an entitlement (admin only) unless it is the organization's default or one of its spaces uses it. */
    public void revoke(Permissions perms, String segmentGuid, String organizationGuid) {
        segments.requireAdmin(perms);
        tx.run(() -> {
            segments.existing(segmentGuid);
            organizations.find(organizationGuid).orElseThrow(() -> CfException.notFound("Org"));
            if (repository.organizationDefault(organizationGuid).filter(segmentGuid::equals).isPresent()) {
                throw CfException.unprocessable("Cannot remove the entitlement while this Isolation Segment is "
                        + "assigned as the Default Isolation Segment for the Organization.");
            }
            List<String> names = repository.spaceNames(segmentGuid, organizationGuid);
            if (!names.isEmpty()) {
                throw CfException.unprocessable("Cannot remove the entitlement while this Isolation Segment is "
                        + "assigned to any Spaces. Currently assigned to: "
                        + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
            }
            repository.revoke(segmentGuid, organizationGuid);
        });
    }
}
