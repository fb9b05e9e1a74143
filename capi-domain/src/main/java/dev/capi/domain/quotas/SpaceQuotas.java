package dev.capi.domain.quotas;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;
import dev.capi.model.Space;
import dev.capi.model.SpaceQuota;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.capi.domain.auth.Permissions.ORG_MANAGERS;

/**
 * The space quota use cases. Readers: global readers, managers of the owning organization, and holders of a space role
 * in a space the quota is applied to (others get 404). Writers: admins and managers of the owning organization (403
 * for other readers; OrgSuspended while the organization is suspended, admins aside).
 */
public final class SpaceQuotas {
    public static final String DELETE_JOB = "space_quota.delete";
    static final String NOT_FOUND = "Space quota";

    private final SpaceQuotaRepository repository;
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final OrganizationQuotaRepository organizationQuotas;
    private final QuotaUsageRepository usage;
    private final Transactions tx;
    private final AuditEvents audit;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;

    public SpaceQuotas(SpaceQuotaRepository repository, OrganizationRepository organizations, SpaceRepository spaces,
                       OrganizationQuotaRepository organizationQuotas, QuotaUsageRepository usage, Transactions tx,
                       AuditEvents audit, Jobs jobs, Clock clock, Guids guids) {
        this.repository = repository;
        this.organizations = organizations;
        this.spaces = spaces;
        this.organizationQuotas = organizationQuotas;
        this.usage = usage;
        this.tx = tx;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<SpaceQuota> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.spaceVisibility())));
    }

    public SpaceQuota get(Permissions perms, String guid) {
        return tx.inTransaction(() -> visible(perms, guid));
    }

    /**
     * The quota if the principal reads it, else 404 "Space quota not found". Its spaces are already limited to those
     * the principal reads, so a non-empty list (outside the owning org's managers) means a space role in one of them.
     */
    private SpaceQuota visible(Permissions perms, String guid) {
        return repository.find(guid, perms.spaceVisibility())
                .filter(q -> perms.canReadGlobally() || perms.hasOrgRole(q.organizationGuid(), ORG_MANAGERS)
                        || !q.spaceGuids().isEmpty())
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    /** The visible quota the principal may change: 404, then 403, then OrgSuspended. */
    private SpaceQuota writable(Permissions perms, String guid) {
        SpaceQuota quota = visible(perms, guid);
        Organization org = organizations.find(quota.organizationGuid())
                .orElseThrow(() -> CfException.notFound(NOT_FOUND));
        requireWritable(perms, org);
        return quota;
    }

    private static void requireWritable(Permissions perms, Organization org) {
        if (!perms.canWriteOrg(org.guid())) {
            throw CfException.notAuthorized();
        }
        if (org.suspended() && !perms.canWriteGlobally()) {
            throw CfException.of(CfError.OrgSuspended);
        }
    }

    /**
     * Creates a quota in an organization: the body's 422s first, then an unknown organization (422), then 403 for
     * anyone but admins and its managers, then OrgSuspended, then the limits, the name and the spaces.
     */
    public SpaceQuota create(Permissions perms, Supplier<QuotaCommands.CreateSpaceQuota> command) {
        var cmd = command.get();
        return tx.inTransaction(() -> {
            Organization org = organizations.find(cmd.organizationGuid()).orElseThrow(() ->
                    CfException.unprocessable("Organization with guid '" + cmd.organizationGuid()
                            + "' does not exist, or you do not have access to it."));
            requireWritable(perms, org);
            QuotaLimits limits = cmd.limits().applyTo(QuotaLimits.unlimited());
            checkLimits(limits, org);
            if (repository.nameTaken(org.guid(), cmd.name())) {
                throw alreadyExists(cmd.name());
            }
            Instant now = now();
            var quota = new SpaceQuota(guids.next(), now, now, cmd.name(), org.guid(), limits, List.of());
            repository.insert(quota);
            List<String> found = spaces.findAll(cmd.spaceGuids()).stream()
                    .filter(s -> s.organizationGuid().equals(org.guid())).map(Space::guid).toList();
            if (found.size() != cmd.spaceGuids().size()) {
                throw CfException.unprocessable("Spaces with guids "
                        + QuotaTexts.rubyList(QuotaTexts.missing(cmd.spaceGuids(), found))
                        + " do not exist within the organization specified, or you do not have access to them.");
            }
            repository.applyTo(quota.guid(), found, now);
            audit.record("audit.space_quota.create", perms.principal(), target(quota), null, org.guid(),
                    Map.of("request", cmd.request()));
            return visible(perms, quota.guid());
        });
    }

    /** Updates a quota: 404, 403, OrgSuspended, then the body's 422s, then the limits and the name. */
    public SpaceQuota update(Permissions perms, String guid, Supplier<QuotaCommands.UpdateSpaceQuota> command) {
        return tx.inTransaction(() -> {
            SpaceQuota quota = writable(perms, guid);
            var cmd = command.get();
            if (cmd.limits().setsFiniteLogRate()) {
                List<String> names = usage.spacesWithUnlimitedLogRate(guid);
                if (!names.isEmpty()) {
                    throw CfException.unprocessable(QuotaTexts.unlimitedLogRateInUse("space", names));
                }
            }
            QuotaLimits limits = cmd.limits().applyTo(quota.limits());
            checkLimits(limits, organizations.find(quota.organizationGuid()).orElseThrow());
            String name = cmd.name() != null ? cmd.name() : quota.name();
            if (!name.equals(quota.name()) && repository.nameTaken(quota.organizationGuid(), name)) {
                throw alreadyExists(name);
            }
            var updated = new SpaceQuota(guid, quota.createdAt(), now(), name, quota.organizationGuid(), limits,
                    List.of());
            repository.update(updated);
            audit.record("audit.space_quota.update", perms.principal(), target(updated), null,
                    quota.organizationGuid(), Map.of("request", cmd.request()));
            return visible(perms, guid);
        });
    }

    /**
     * Applies the quota to spaces of its organization; answers the guids of every space it then applies to. Spaces
     * that do not exist or that the principal cannot read, spaces of other organizations, and a finite log rate limit
     * over spaces running unlimited-log-rate apps are 422.
     */
    public List<String> apply(Permissions perms, String guid, Supplier<List<String>> spaceGuids) {
        return tx.inTransaction(() -> {
            SpaceQuota quota = writable(perms, guid);
            List<String> requested = spaceGuids.get();
            List<Space> existing = spaces.findAll(requested);
            List<String> existingGuids = existing.stream().map(Space::guid).toList();
            List<String> invalid = new ArrayList<>(QuotaTexts.missing(requested, existingGuids));
            if (!perms.canReadGlobally()) {
                existing.stream().filter(s -> !perms.canReadSpace(s.guid(), s.organizationGuid()))
                        .map(Space::guid).forEach(invalid::add);
            }
            if (!invalid.isEmpty()) {
                throw CfException.unprocessable("Spaces with guids " + QuotaTexts.rubyList(invalid)
                        + " do not exist, or you do not have access to them.");
            }
            if (existing.stream().anyMatch(s -> !s.organizationGuid().equals(quota.organizationGuid()))) {
                throw CfException.unprocessable("Space quotas cannot be applied outside of their owning organization.");
            }
            if (!QuotaLimits.isUnlimited(quota.limits().logRateLimitInBytesPerSecond())
                    && usage.unlimitedLogRateInSpaces(existingGuids)) {
                throw CfException.unprocessable("Current usage exceeds new quota values. The space(s) being assigned "
                        + "this quota contain apps running with an unlimited log rate limit.");
            }
            repository.applyTo(guid, existingGuids, now());
            for (Space space : existing) {
                audit.record("audit.space_quota.apply", perms.principal(), target(quota), space.guid(),
                        quota.organizationGuid(), spaceData(space));
            }
            return repository.spaceGuids(guid);
        });
    }

    /** Takes the quota off a space it is applied to (else 422 with the reference's text). */
    public void remove(Permissions perms, String guid, String spaceGuid) {
        tx.run(() -> {
            SpaceQuota quota = writable(perms, guid);
            Space space = spaces.find(spaceGuid).filter(s -> guid.equals(s.quotaGuid())).orElseThrow(() ->
                    CfException.unprocessable("Unable to remove quota from space with guid '" + spaceGuid
                            + "'. Ensure the space quota is applied to this space."));
            repository.removeFrom(guid, space.guid(), now());
            audit.record("audit.space_quota.remove", perms.principal(), target(quota), space.guid(),
                    quota.organizationGuid(), spaceData(space));
        });
    }

    /** Starts the asynchronous delete; a quota still applied to spaces is 422. */
    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            SpaceQuota quota = writable(perms, guid);
            if (repository.inUse(guid)) {
                throw stillApplied();
            }
            audit.record("audit.space_quota.delete", perms.principal(), target(quota), null,
                    quota.organizationGuid(), Map.of());
            return jobs.enqueue(DELETE_JOB, "space_quotas", guid);
        });
    }

    static CfException stillApplied() {
        return CfException.unprocessable(
                "This quota is applied to one or more spaces. Remove this quota from all spaces before deleting.");
    }

    private void checkLimits(QuotaLimits limits, Organization org) {
        QuotaLimits orgQuota = org.quotaGuid() == null ? null
                : organizationQuotas.find(org.quotaGuid(), Visibility.nothing()).map(OrganizationQuota::limits)
                .orElse(null);
        if (!QuotaTexts.spaceReservedPortsValid(limits, orgQuota)) {
            throw CfException.unprocessable(QuotaTexts.SPACE_RESERVED_PORTS);
        }
    }

    private static Map<String, Object> spaceData(Space space) {
        var data = new LinkedHashMap<String, Object>();
        data.put("space_guid", space.guid());
        data.put("space_name", space.name());
        return data;
    }

    private static CfException alreadyExists(String name) {
        return CfException.unprocessable("Space Quota '" + name + "' already exists.");
    }

    private static AuditEvent.Target target(SpaceQuota quota) {
        return new AuditEvent.Target(quota.guid(), "space_quota", quota.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
