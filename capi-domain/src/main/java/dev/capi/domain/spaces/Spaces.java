package dev.capi.domain.spaces;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The space use cases: list, get, create, update, (asynchronous) delete, and the space's features. */
public final class Spaces {
    public static final String DELETE_JOB = "space.delete";
    public static final String SSH_FEATURE = "ssh";

    private final SpaceRepository repository;
    private final OrganizationRepository organizations;
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
        this.tx = tx;
        this.audit = audit;
        this.metadata = metadata;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<Space> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    /** The space if the principal may see it, else 404 "Space not found". */
    public Space get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    public Space visible(Permissions perms, String guid) {
        return repository.find(guid).filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                .orElseThrow(() -> CfException.notFound("Space"));
    }

    /** The organizations of a page of spaces, for {@code include=organization}: one query. */
    public List<Organization> organizationsOf(List<Space> spaces) {
        return tx.inTransaction(() -> organizations.findAll(
                spaces.stream().map(Space::organizationGuid).distinct().toList()));
    }

    public Space create(Permissions perms, SpaceCommands.Create cmd) {
        return tx.inTransaction(() -> {
            Organization org = organizations.find(cmd.organizationGuid()).filter(o -> perms.canReadOrg(o.guid()))
                    .orElseThrow(() -> CfException.unprocessable(
                            "Invalid organization. Ensure the organization exists and you have access to it."));
            if (!perms.canWriteOrg(org.guid())) {
                throw CfException.notAuthorized();
            }
            if (org.suspended() && !perms.canWriteGlobally()) {
                throw CfException.of(CfError.OrgSuspended);
            }
            if (repository.nameTaken(org.guid(), cmd.name())) {
                throw CfException.unprocessable("Name must be unique per organization");
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var space = new Space(guids.next(), now, now, cmd.name(), org.guid(), false, true, null, null,
                    Metadata.empty());
            repository.insert(space);
            var stored = space.withMetadata(metadata.apply(space.guid(), "space", Metadata.empty(), cmd.metadata()));
            audit.record("audit.space.create", perms.principal(), target(space), space.guid(), org.guid(),
                    Map.of("request", request(cmd.name(), null, cmd.metadata() != null, org.guid())));
            return stored;
        });
    }

    public Space update(Permissions perms, String guid, SpaceCommands.Update cmd) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            if (!perms.canUpdateSpace(guid, space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            requireWritableOrg(perms, space);
            if (cmd.suspended() != null && !perms.canWriteOrg(space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            if (cmd.name() != null && !cmd.name().equalsIgnoreCase(space.name())
                    && repository.nameTaken(space.organizationGuid(), cmd.name())) {
                throw CfException.unprocessable("Name must be unique per organization");
            }
            var updated = new Space(space.guid(), space.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                    cmd.name() != null ? cmd.name() : space.name(), space.organizationGuid(),
                    cmd.suspended() != null ? cmd.suspended() : space.suspended(), space.allowSsh(),
                    space.quotaGuid(), space.isolationSegmentGuid(), space.metadata());
            repository.update(updated);
            var result = updated.withMetadata(metadata.apply(guid, "space", space.metadata(), cmd.metadata()));
            audit.record("audit.space.update", perms.principal(), target(result), guid, space.organizationGuid(),
                    Map.of("request", request(cmd.name(), cmd.suspended(), cmd.metadata() != null, null)));
            return result;
        });
    }

    /** Starts the asynchronous delete (admin or the org's managers) and returns its job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            if (!perms.canWriteOrg(space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            requireWritableOrg(perms, space);
            audit.record("audit.space.delete-request", perms.principal(), target(space), guid,
                    space.organizationGuid(), Map.of("request", Map.of("recursive", true)));
            return jobs.enqueue(DELETE_JOB, "spaces", guid);
        });
    }

    /** The space's features: today only {@code ssh} (the space's allow_ssh). */
    public Map<String, Boolean> features(Permissions perms, String guid) {
        Space space = get(perms, guid);
        return Map.of(SSH_FEATURE, space.allowSsh());
    }

    public boolean feature(Permissions perms, String guid, String name) {
        Space space = get(perms, guid);
        return requireFeature(space, name);
    }

    public boolean updateFeature(Permissions perms, String guid, String name, boolean enabled) {
        return tx.inTransaction(() -> {
            Space space = visible(perms, guid);
            requireFeature(space, name);
            if (!perms.canUpdateSpace(guid, space.organizationGuid())) {
                throw CfException.notAuthorized();
            }
            requireWritableOrg(perms, space);
            repository.update(new Space(space.guid(), space.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), space.name(), space.organizationGuid(),
                    space.suspended(), enabled, space.quotaGuid(), space.isolationSegmentGuid(), space.metadata()));
            return enabled;
        });
    }

    private static boolean requireFeature(Space space, String name) {
        if (!SSH_FEATURE.equals(name)) {
            throw CfException.notFound("Feature");
        }
        return space.allowSsh();
    }

    /** Non-admins cannot change anything in a suspended organization. */
    private void requireWritableOrg(Permissions perms, Space space) {
        if (perms.canWriteGlobally()) {
            return;
        }
        organizations.find(space.organizationGuid()).filter(Organization::suspended).ifPresent(o -> {
            throw CfException.of(CfError.OrgSuspended);
        });
    }

    static AuditEvent.Target target(Space space) {
        return new AuditEvent.Target(space.guid(), "space", space.name());
    }

    private static Map<String, Object> request(String name, Boolean suspended, boolean metadataGiven, String org) {
        var m = new LinkedHashMap<String, Object>();
        if (name != null) {
            m.put("name", name);
        }
        if (suspended != null) {
            m.put("suspended", suspended);
        }
        if (org != null) {
            m.put("relationships", Map.of("organization", Map.of("data", Map.of("guid", org))));
        }
        if (metadataGiven) {
            m.put("metadata", "[PRIVATE DATA HIDDEN]");
        }
        return m;
    }
}
