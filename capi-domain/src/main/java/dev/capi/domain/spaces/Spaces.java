package dev.capi.domain.spaces;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The space use cases: list, get, create, update, (asynchronous) delete, and the space's features. */
public final class Spaces {
    public static final String DELETE_JOB = "space.delete";
    public static final String SSH_FEATURE = "ssh";
    static final String INVALID_ORGANIZATION =
            "Invalid organization. Ensure the organization exists and you have access to it.";
    static final String NAME_TAKEN = "Name must be unique per organization";

    private final SpaceRepository repository;
    private final OrganizationRepository organizations;
    private final WritableSpaces writable;
    private final Transactions tx;
    private final AuditEvents audit;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;

    public Spaces(SpaceRepository repository, OrganizationRepository organizations, Transactions tx,
                  AuditEvents audit, MetadataChanges metadata, Jobs jobs, Clock clock, Guids guids) {
        this.repository = repository;
        this.organizations = organizations;
        this.writable = new WritableSpaces(organizations);
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    /** One page of the spaces the principal can see. */
    public Page<Space> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    /** The space if the principal may see it, else 404 "Space not found". */
    public Space get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    /** The space if the principal may see it, else 404 "Space not found" (call inside a transaction). */
    public Space visible(Permissions perms, String guid) {
        return repository.find(guid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("Space"));
    }

    /** The organizations of a page of spaces, for {@code include=organization}: one query. */
    public List<Organization> organizationsOf(List<Space> spaces) {
        return tx.inTransaction(() -> organizations.findAll(
                spaces.stream().map(Space::organizationGuid).distinct().toList()));
    }

    /** Creates a space (admin or the org's managers); records {@code audit.space.create}. */
    public Space create(Permissions perms, SpaceCommands.Create cmd) {
        return tx.inTransaction(() -> {
            Organization org = organizations.find(cmd.organizationGuid()).filter(o -> perms.canReadOrg(o.guid()))
                    .orElseThrow(() -> CfException.unprocessable(INVALID_ORGANIZATION));
            if (!perms.canWriteOrg(org.guid())) {
                throw CfException.notAuthorized();
            }
            writable.requireWritableOrg(perms, org.guid());
            if (repository.nameTaken(org.guid(), cmd.name())) {
                throw CfException.unprocessable(NAME_TAKEN);
            }
            Instant now = now();
            var space = new Space(guids.next(), now, now, cmd.name(), org.guid(), Boolean.TRUE.equals(cmd.suspended()),
                    true, null, null, Metadata.empty());
            try {
                repository.insert(space);
            } catch (SpaceRepository.NameTaken e) {
                throw CfException.unprocessable(NAME_TAKEN);
            }
            var stored = space.withMetadata(metadata.apply(space.guid(), "space", Metadata.empty(), cmd.metadata()));
            audit.record("audit.space.create", perms.principal(), target(stored), stored.guid(), org.guid(),
                    Map.of("request", SpaceAuditRequests.create(cmd)));
            return stored;
        });
    }

    /**
     * Updates name, suspension and metadata (space managers, org managers, admins; only admins and org managers may
     * change {@code suspended}); records {@code audit.space.update}.
     */
    public Space update(Permissions perms, String guid, SpaceCommands.Update cmd) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            requireUpdatable(perms, space);
            if (cmd.suspended() != null && !perms.canWriteOrg(space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            String name = cmd.name() != null ? cmd.name() : space.name();
            String orgName = organizations.find(space.organizationGuid()).map(Organization::name).orElse("");
            if (!name.equalsIgnoreCase(space.name()) && repository.nameTaken(space.organizationGuid(), name)) {
                throw nameTakenInOrganization(orgName, name);
            }
            var updated = new Space(space.guid(), space.createdAt(), now(), name, space.organizationGuid(),
                    cmd.suspended() != null ? cmd.suspended() : space.suspended(), space.allowSsh(),
                    space.quotaGuid(), space.isolationSegmentGuid(), space.metadata());
            try {
                repository.update(updated);
            } catch (SpaceRepository.NameTaken e) {
                throw nameTakenInOrganization(orgName, name);
            }
            var result = updated.withMetadata(metadata.apply(guid, "space", space.metadata(), cmd.metadata()));
            audit.record("audit.space.update", perms.principal(), target(result), guid, space.organizationGuid(),
                    Map.of("request", SpaceAuditRequests.update(cmd)));
            return result;
        });
    }

    /** Starts the asynchronous delete (admin or the org's managers), records the delete request, returns the job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            if (!perms.canWriteOrg(space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            writable.requireWritableOrg(perms, space.organizationGuid());
            audit.record("audit.space.delete-request", perms.principal(), target(space), guid,
                    space.organizationGuid(), Map.of("request", Map.of("recursive", true)));
            return jobs.enqueue(DELETE_JOB, "spaces", guid);
        });
    }

    /** The space's features, by name: today only {@code ssh} (the space's allow_ssh). */
    public Map<String, Boolean> features(Permissions perms, String guid) {
        Space space = get(perms, guid);
        return Map.of(SSH_FEATURE, space.allowSsh());
    }

    /** One feature's state; 404 "Space not found", then 404 "Feature not found". */
    public boolean feature(Permissions perms, String guid, String name) {
        Space space = get(perms, guid);
        requireFeature(name);
        return space.allowSsh();
    }

    /** Turns a feature on or off (space managers, org managers, admins); no audit event, as in the reference. */
    public boolean updateFeature(Permissions perms, String guid, String name, boolean enabled) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            requireFeature(name);
            requireUpdatable(perms, space);
            repository.update(new Space(space.guid(), space.createdAt(), now(), space.name(),
                    space.organizationGuid(), space.suspended(), enabled, space.quotaGuid(),
                    space.isolationSegmentGuid(), space.metadata()));
            return enabled;
        });
    }

    /** Space managers, org managers and admins, in a writable org and space; else 403. */
    private void requireUpdatable(Permissions perms, Space space) {
        if (!perms.canUpdateSpace(space.guid(), space.organizationGuid())) {
            throw CfException.notAuthorized();
        }
        writable.requireWritableSpace(perms, space);
    }

    private static void requireFeature(String name) {
        if (!SSH_FEATURE.equals(name)) {
            throw CfException.notFound("Feature");
        }
    }

    /** The reference's text for a rename onto a taken name (creates say {@link #NAME_TAKEN}). */
    private static CfException nameTakenInOrganization(String orgName, String name) {
        return CfException.unprocessable(
                "Organization '" + orgName + "' already contains a space with name '" + name + "'.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static AuditEvent.Target target(Space space) {
        return new AuditEvent.Target(space.guid(), "space", space.name());
    }
}
