package dev.capi.domain.isolationsegments;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.capi.domain.auth.Permissions.ORG_MANAGERS;

/**
 * An organization's default isolation segment and a space's isolation segment: read by whoever reads the
 * organization or space, changed by admins and org managers, only to segments entitled to the organization.
 */
public final class IsolationSegmentAssignments {
    private final IsolationSegmentRepository repository;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final AuditEvents audit;
    private final Transactions tx;
    private final Clock clock;

    public IsolationSegmentAssignments(IsolationSegmentRepository repository, OrganizationRepository organizations,
                                       SpaceRepository spaces, AuditEvents audit, Transactions tx, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.spaces = spaces;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The organization's default segment (404 "Organization not found" when it cannot read the org). */
    public Optional<String> organizationDefault(Permissions perms, String organizationGuid) {
        return tx.inTransaction(() -> {
            readableOrganization(perms, organizationGuid);
            return repository.organizationDefault(organizationGuid).flatMap(this::existing);
        });
    }

    /**
     * Sets or clears the organization's default (admins and the org's managers, the org not suspended) and returns
     * the segment the request named, if it exists.
     */
    public Optional<String> assignOrganizationDefault(Permissions perms, String organizationGuid,
                                                      IsolationSegmentCommands.Assign cmd) {
        return tx.inTransaction(() -> {
            Organization org = readableOrganization(perms, organizationGuid);
            if (!perms.canWriteOrg(org.guid())) {
                throw CfException.notAuthorized();
            }
            if (org.suspended() && !perms.canWriteGlobally()) {
                throw CfException.of(CfError.OrgSuspended);
            }
            if (cmd.guid() != null && (existing(cmd.guid()).isEmpty()
                    || !repository.entitled(cmd.guid(), org.guid()))) {
                throw CfException.unprocessable("Unable to assign isolation segment with guid '" + cmd.guid()
                        + "'. Ensure it has been entitled to the organization.");
            }
            if (cmd.dataGiven()) {
                repository.setOrganizationDefault(org.guid(), cmd.guid(), now());
            }
            return Optional.ofNullable(cmd.guid()).flatMap(this::existing);
        });
    }

    /** The space's segment (404 "Space not found" when it cannot read the space). */
    public Optional<String> spaceSegment(Permissions perms, String spaceGuid) {
        return tx.inTransaction(() -> Optional.ofNullable(readableSpace(perms, spaceGuid).isolationSegmentGuid())
                .flatMap(this::existing));
    }

    /** The reference checks who may place a space (admins, the org's managers) before it reads the request. */
    public void requirePlaceable(Permissions perms, String spaceGuid) {
        tx.run(() -> requirePlaceable(perms, readableSpace(perms, spaceGuid)));
    }

    private static void requirePlaceable(Permissions perms, Space space) {
        if (!perms.canWriteGlobally() && !perms.hasOrgRole(space.organizationGuid(), ORG_MANAGERS)) {
            throw CfException.notAuthorized();
        }
    }

    /**
     * Places the space on the named segment, or back on its organization's default when none is named (also when
     * {@code data} was not sent, as the reference), records {@code audit.space.update} and returns the segment.
     */
    public Optional<String> assignSpaceSegment(Permissions perms, String spaceGuid,
                                               IsolationSegmentCommands.Assign cmd) {
        return tx.inTransaction(() -> {
            Space space = readableSpace(perms, spaceGuid);
            requirePlaceable(perms, space);
            if (cmd.guid() != null && (existing(cmd.guid()).isEmpty()
                    || !repository.entitled(cmd.guid(), space.organizationGuid()))) {
                throw CfException.unprocessable("Unable to assign isolation segment with guid '" + cmd.guid()
                        + "'. Ensure it has been entitled to the organization that this space belongs to.");
            }
            var updated = new Space(space.guid(), space.createdAt(), now(), space.name(), space.organizationGuid(),
                    space.suspended(), space.allowSsh(), space.quotaGuid(), cmd.guid(), space.metadata());
            spaces.update(updated);
            Map<String, Object> request = new LinkedHashMap<>();
            if (cmd.dataGiven()) {
                request.put("data", cmd.guid() == null ? null : Map.of("guid", cmd.guid()));
            }
            audit.record("audit.space.update", perms.principal(),
                    new AuditEvent.Target(space.guid(), "space", space.name()), space.guid(),
                    space.organizationGuid(), Collections.singletonMap("request", request));
            return Optional.ofNullable(cmd.guid()).flatMap(this::existing);
        });
    }

    private Organization readableOrganization(Permissions perms, String guid) {
        return organizations.find(guid).filter(o -> perms.canReadOrg(o.guid()))
                .orElseThrow(() -> CfException.notFound("Organization"));
    }

    private Space readableSpace(Permissions perms, String guid) {
        return spaces.find(guid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("Space"));
    }

    private Optional<String> existing(String segmentGuid) {
        return repository.find(segmentGuid).map(IsolationSegment::guid);
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
