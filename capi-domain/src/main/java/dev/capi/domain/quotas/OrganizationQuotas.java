package dev.capi.domain.quotas;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AuditEvent;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.OrganizationQuota;
import dev.capi.model.QuotaLimits;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The organization quota use cases: list and get (every authenticated reader; related organizations limited to those
 * the reader sees), create, update, apply and (asynchronous) delete for admins, and the seeding of configured quotas.
 */
public final class OrganizationQuotas {
    public static final String DELETE_JOB = "organization_quota.delete";
    static final String NOT_FOUND = "Organization quota";

    private final OrganizationQuotaRepository repository;
    private final OrganizationRepository organizations;
    private final QuotaUsageRepository usage;
    private final Transactions tx;
    private final AuditEvents audit;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;

    public OrganizationQuotas(OrganizationQuotaRepository repository, OrganizationRepository organizations,
                              QuotaUsageRepository usage, Transactions tx, AuditEvents audit, Jobs jobs, Clock clock,
                              Guids guids) {
        this.repository = repository;
        this.organizations = organizations;
        this.usage = usage;
        this.tx = tx;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<OrganizationQuota> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.orgVisibility())));
    }

    /** Any authenticated reader sees every organization quota; 404 "Organization quota not found" when absent. */
    public OrganizationQuota get(Permissions perms, String guid) {
        return tx.inTransaction(() -> find(perms, guid));
    }

    private OrganizationQuota find(Permissions perms, String guid) {
        return repository.find(guid, perms.orgVisibility()).orElseThrow(() -> CfException.notFound(NOT_FOUND));
    }

    /** Admins only (403 before the body is read, as in the reference); then the body's 422s, then the rules. */
    public OrganizationQuota create(Permissions perms, Supplier<QuotaCommands.CreateOrganizationQuota> command) {
        requireAdmin(perms);
        var cmd = command.get();
        return tx.inTransaction(() -> {
            QuotaLimits limits = cmd.limits().applyTo(QuotaLimits.unlimited());
            checkLimits(limits);
            if (repository.nameTaken(cmd.name())) {
                throw alreadyExists(cmd.name());
            }
            Instant now = now();
            var quota = new OrganizationQuota(guids.next(), now, now, cmd.name(), limits, List.of());
            repository.insert(quota);
            List<String> orgGuids = cmd.organizationGuids();
            List<String> found = organizations.findAll(orgGuids).stream().map(Organization::guid).toList();
            if (found.size() != orgGuids.size()) {
                throw CfException.unprocessable("Organizations with guids "
                        + QuotaTexts.rubyList(QuotaTexts.missing(orgGuids, found))
                        + " do not exist, or you do not have access to them.");
            }
            repository.applyTo(quota.guid(), orgGuids, now);
            audit.record("audit.organization_quota.create", perms.principal(), target(quota), null, null,
                    Map.of("request", cmd.request()));
            return find(perms, quota.guid());
        });
    }

    public OrganizationQuota update(Permissions perms, String guid,
                                    Supplier<QuotaCommands.UpdateOrganizationQuota> command) {
        requireAdmin(perms);
        var cmd = command.get();
        return tx.inTransaction(() -> {
            OrganizationQuota quota = find(perms, guid);
            if (cmd.limits().setsFiniteLogRate()) {
                List<String> names = usage.organizationsWithUnlimitedLogRate(guid);
                if (!names.isEmpty()) {
                    throw CfException.unprocessable(QuotaTexts.unlimitedLogRateInUse("org", names));
                }
            }
            QuotaLimits limits = cmd.limits().applyTo(quota.limits());
            checkLimits(limits);
            String name = cmd.name() != null ? cmd.name() : quota.name();
            if (!name.equals(quota.name()) && repository.nameTaken(name)) {
                throw alreadyExists(name);
            }
            var updated = new OrganizationQuota(guid, quota.createdAt(), now(), name, limits, List.of());
            repository.update(updated);
            audit.record("audit.organization_quota.update", perms.principal(), target(updated), null, null,
                    Map.of("request", cmd.request()));
            return find(perms, guid);
        });
    }

    /**
     * Applies the quota to organizations (admins only); answers the guids of every organization it then applies to.
     * Unknown organizations, and a finite log rate limit over organizations running unlimited-log-rate apps, are 422.
     */
    public List<String> apply(Permissions perms, String guid, Supplier<List<String>> organizationGuids) {
        requireAdmin(perms);
        List<String> orgGuids = organizationGuids.get();
        return tx.inTransaction(() -> {
            OrganizationQuota quota = find(perms, guid);
            List<Organization> orgs = organizations.findAll(orgGuids);
            List<String> found = orgs.stream().map(Organization::guid).toList();
            if (found.size() != orgGuids.size()) {
                throw CfException.unprocessable("Organizations with guids "
                        + QuotaTexts.rubyList(QuotaTexts.missing(orgGuids, found)) + " do not exist");
            }
            if (!QuotaLimits.isUnlimited(quota.limits().logRateLimitInBytesPerSecond())
                    && usage.unlimitedLogRateInOrganizations(found)) {
                throw CfException.unprocessable("Current usage exceeds new quota values. The org(s) being assigned "
                        + "this quota contain apps running with an unlimited log rate limit.");
            }
            repository.applyTo(guid, found, now());
            for (Organization org : orgs) {
                var data = new LinkedHashMap<String, Object>();
                data.put("organization_guid", org.guid());
                data.put("organization_name", org.name());
                audit.record("audit.organization_quota.apply", perms.principal(), target(quota), null, org.guid(),
                        data);
            }
            return repository.organizationGuids(guid);
        });
    }

    /** Starts the asynchronous delete (admins only); a quota still applied to organizations is 422. */
    public Job delete(Permissions perms, String guid) {
        requireAdmin(perms);
        return tx.inTransaction(() -> {
            OrganizationQuota quota = find(perms, guid);
            if (repository.inUse(guid)) {
                throw stillApplied();
            }
            audit.record("audit.organization_quota.delete", perms.principal(), target(quota), null, null, Map.of());
            return jobs.enqueue(DELETE_JOB, "organization_quotas", guid);
        });
    }

    /**
     * Writes the configured quota definitions (the reference's {@code quota_definitions} seeds): a missing one is
     * created; an existing one (by name) is left as it is, as the reference leaves it (admins may have changed it).
     */
    public void seed(Map<String, QuotaLimits> definitions) {
        tx.run(() -> definitions.forEach((name, limits) -> {
            if (repository.findByName(name).isEmpty()) {
                Instant now = now();
                repository.insert(new OrganizationQuota(guids.next(), now, now, name, limits, List.of()));
            }
        }));
    }

    static CfException stillApplied() {
        return CfException.unprocessable("This quota is applied to one or more organizations. Apply different "
                + "quotas to those organizations before deleting.");
    }

    private static void checkLimits(QuotaLimits limits) {
        if (!QuotaTexts.orgReservedPortsValid(limits)) {
            throw CfException.unprocessable(QuotaTexts.ORG_RESERVED_PORTS);
        }
    }

    private static CfException alreadyExists(String name) {
        return CfException.unprocessable("Organization Quota '" + name + "' already exists.");
    }

    private static void requireAdmin(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
    }

    private static AuditEvent.Target target(OrganizationQuota quota) {
        return new AuditEvent.Target(quota.guid(), "organization_quota", quota.name());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
