package dev.capi.domain.organizations;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The organization use cases: list, get, create, update and (asynchronous) delete. */
public final class Organizations {
    public static final String DELETE_JOB = "organization.delete";

    private final OrganizationRepository repository;
    private final Transactions tx;
    private final AuditEvents audit;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final CreatorRoles grants;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;

    public Organizations(OrganizationRepository repository, Transactions tx, AuditEvents audit, FeatureFlags flags,
                         MetadataChanges metadata, CreatorRoles grants, Jobs jobs, Clock clock, Guids guids) {
        this.repository = repository;
        this.tx = tx;
        this.audit = audit;
        this.flags = flags;
        this.metadata = metadata;
        this.grants = grants;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<Organization> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.orgVisibility())));
    }

    /** The organization if the principal may see it, else 404 "Organization not found". */
    public Organization get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    Organization visible(Permissions perms, String guid) {
        return repository.find(guid).filter(o -> perms.canReadOrg(o.guid()))
                .orElseThrow(() -> CfException.notFound("Organization"));
    }

    public Organization create(Permissions perms, OrganizationCommands.Create cmd) {
        if (!perms.canWriteGlobally()) {
            if (perms.principal().isAdminReadOnly() || perms.principal().isGlobalAuditor()
                    || !flags.enabled("user_org_creation")) {
                throw CfException.notAuthorized();
            }
        }
        if (Boolean.TRUE.equals(cmd.suspended()) && !perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
        return tx.inTransaction(() -> {
            if (repository.nameTaken(cmd.name())) {
                throw nameTaken(cmd.name());
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var org = new Organization(guids.next(), now, now, cmd.name(), Boolean.TRUE.equals(cmd.suspended()),
                    repository.defaultQuotaGuid().orElse(null), Metadata.empty());
            repository.insert(org);
            var stored = org.withMetadata(metadata.apply(org.guid(), "organization", Metadata.empty(), cmd.metadata()));
            if (!perms.canWriteGlobally()) {
                grants.grantOrgRole(perms.principal(), RoleType.ORGANIZATION_USER, org.guid());
                grants.grantOrgRole(perms.principal(), RoleType.ORGANIZATION_MANAGER, org.guid());
                perms.forgetRoles();
            }
            audit.record("audit.organization.create", perms.principal(), target(org), null, org.guid(),
                    Map.of("request", requestData(cmd.name(), cmd.suspended(), cmd.metadata() != null)));
            return stored;
        }, () -> nameTaken(cmd.name()));
    }

    public Organization update(Permissions perms, String guid, OrganizationCommands.Update cmd) {
        return tx.inTransaction(() -> {
            Organization org = visible(perms, guid);
            if (!perms.canWriteOrg(guid)) {
                throw CfException.notAuthorized();
            }
            if (cmd.suspended() != null && !perms.canWriteGlobally()) {
                if (org.suspended()) {
                    throw CfException.of(dev.capi.domain.errors.CfError.OrgSuspended);
                }
                if (cmd.suspended()) {
                    throw CfException.notAuthorized();
                }
            }
            if (org.suspended() && !perms.canWriteGlobally()) {
                throw CfException.of(dev.capi.domain.errors.CfError.OrgSuspended);
            }
            if (cmd.name() != null && !cmd.name().equalsIgnoreCase(org.name()) && repository.nameTaken(cmd.name())) {
                throw nameTaken(cmd.name());
            }
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var updated = new Organization(org.guid(), org.createdAt(), now,
                    cmd.name() != null ? cmd.name() : org.name(),
                    cmd.suspended() != null ? cmd.suspended() : org.suspended(), org.quotaGuid(), org.metadata());
            repository.update(updated);
            var result = updated.withMetadata(metadata.apply(guid, "organization", org.metadata(), cmd.metadata()));
            audit.record("audit.organization.update", perms.principal(), target(result), null, guid,
                    Map.of("request", requestData(cmd.name(), cmd.suspended(), cmd.metadata() != null)));
            return result;
        }, () -> nameTaken(cmd.name()));
    }

    private static CfException nameTaken(String name) {
        return CfException.unprocessable("Organization '" + name + "' already exists.");
    }

    /** Starts the asynchronous delete (admin only) and returns its job. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Organization org = visible(perms, guid);
            if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            audit.record("audit.organization.delete-request", perms.principal(), target(org), null, guid,
                    Map.of("request", Map.of("recursive", true)));
            return jobs.enqueue(DELETE_JOB, "organizations", guid);
        });
    }

    static AuditEvent.Target target(Organization org) {
        return new AuditEvent.Target(org.guid(), "organization", org.name());
    }

    private static Map<String, Object> requestData(String name, Boolean suspended, boolean metadataGiven) {
        var m = new LinkedHashMap<String, Object>();
        if (name != null) {
            m.put("name", name);
        }
        if (suspended != null) {
            m.put("suspended", suspended);
        }
        if (metadataGiven) {
            m.put("metadata", "[PRIVATE DATA HIDDEN]");
        }
        return m;
    }
}
