package dev.capi.domain.domains;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Domain;
import dev.capi.model.Job;
import dev.capi.model.Metadata;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.Organization;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The domain use cases: list (all, or usable in one organization), get, the organization's default domain, create
 * (shared by admins, private by org managers), metadata update, asynchronous delete, sharing with organizations and
 * route reservations.
 */
public final class Domains {
    public static final String DELETE_JOB = "domain.delete";
    /** The list filter restricting a list to the domains usable in one organization. */
    public static final String USABLE_IN_ORGANIZATION = "usable_in_organization";

    private final DomainRepository repository;
    private final OrganizationRepository organizations;
    private final DomainRoutes routes;
    private final RouterGroups routerGroups;
    private final DomainNameRules nameRules;
    private final Transactions tx;
    private final FeatureFlags flags;
    private final MetadataChanges metadata;
    private final Jobs jobs;
    private final Clock clock;
    private final Guids guids;
    private final java.util.function.Consumer<Organization> privateDomainQuota;

    /** {@code privateDomainQuota} refuses (422) one more private domain for the organization when its quota is full. */
    public Domains(DomainRepository repository, OrganizationRepository organizations, DomainRoutes routes,
                   RouterGroups routerGroups, Transactions tx, FeatureFlags flags, MetadataChanges metadata, Jobs jobs,
                   Clock clock, Guids guids, java.util.function.Consumer<Organization> privateDomainQuota) {
        this.privateDomainQuota = privateDomainQuota;
        this.repository = repository;
        this.organizations = organizations;
        this.routes = routes;
        this.routerGroups = routerGroups;
        this.nameRules = new DomainNameRules(repository, routes);
        this.tx = tx;
        this.flags = flags;
        this.metadata = metadata;
        this.jobs = jobs;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<Domain> list(Permissions perms, ListQuery query) {
        return tx.inTransaction(() -> repository.list(query.withVisibility(perms.domainVisibility())))
                .map(d -> presentable(perms, d));
    }

    /** {@code /v3/organizations/:guid/domains}: 404 unless the org is readable; its private domains need domain reading. */
    public Page<Domain> listForOrganization(Permissions perms, String orgGuid, ListQuery query) {
        return tx.inTransaction(() -> {
            Organization org = readableOrganization(perms, orgGuid);
            ListQuery scoped = query.withFilter(USABLE_IN_ORGANIZATION,
                    List.of(perms.canReadDomainsOf(org.guid()) ? org.guid() : ""));
            return repository.list(scoped.withVisibility(perms.domainVisibility()));
        }).map(d -> presentable(perms, d));
    }

    /** {@code /v3/organizations/:guid/domains/default}. */
    /** The domain with this name, whoever owns it (manifest routes name domains, as the reference looks them up). */
    public java.util.Optional<Domain> findByName(String name) {
        return tx.inTransaction(() -> repository.findByNames(List.of(name)).stream().findFirst());
    }

    public Domain defaultDomain(Permissions perms, String orgGuid) {
        return tx.inTransaction(() -> {
            Organization org = readableOrganization(perms, orgGuid);
            Domain domain = repository.defaultFor(org.guid()).orElseThrow(() -> CfException.notFound("Domain"));
            if (domain.isPrivate() && !perms.canReadDomainsOf(org.guid())) {
                throw CfException.notFound("Domain");
            }
            return presentable(perms, domain);
        });
    }

    private Organization readableOrganization(Permissions perms, String orgGuid) {
        return organizations.find(orgGuid).filter(o -> perms.canReadOrg(o.guid()))
                .orElseThrow(() -> CfException.notFound("Organization"));
    }

    public Domain get(Permissions perms, String guid) {
        return tx.inTransaction(() -> presentable(perms, visible(perms, guid)));
    }

    /** The domain if the principal may see it (shared, or a private domain of an org it reads domains of), else 404. */
    public Domain visible(Permissions perms, String guid) {
        return repository.find(guid).filter(d -> canRead(perms, d))
                .orElseThrow(() -> CfException.notFound("Domain"));
    }

    public static boolean canRead(Permissions perms, Domain d) {
        return d.isShared() || perms.canReadDomainsOf(d.owningOrganizationGuid())
                || d.sharedOrganizationGuids().stream().anyMatch(perms::canReadDomainsOf);
    }

    /** The domain with only the shared organizations the principal can see. */
    public static Domain presentable(Permissions perms, Domain d) {
        if (perms.canReadGlobally() || d.sharedOrganizationGuids().isEmpty()) {
            return d;
        }
        return d.withSharedOrganizations(d.sharedOrganizationGuids().stream().filter(perms::canReadOrg).toList());
    }

    public Domain create(Permissions perms, DomainCommands.Create cmd) {
        return tx.inTransaction(() -> {
            List<Organization> shareWith = List.of();
            Organization owner = null;
            if (cmd.isPrivate()) {
                Organization org = organizations.find(cmd.organizationGuid()).orElseThrow(() ->
                        unknownOrganization(cmd.organizationGuid()));
                if (!perms.canWriteOrg(org.guid())) {
                    throw CfException.notAuthorized();
                }
                requireActive(perms, org);
                if (!perms.canWriteGlobally()) {
                    flags.require("private_domain_creation");
                }
                shareWith = verifyShareTargets(perms, cmd.sharedOrganizationGuids(), org.guid());
                owner = org;
            } else if (!perms.canWriteGlobally()) {
                throw CfException.notAuthorized();
            }
            String routerGroupType = null;
            if (cmd.routerGroupGuid() != null) {
                routerGroupType = routerGroups.find(cmd.routerGroupGuid()).map(RouterGroup::type)
                        .orElseThrow(() -> CfException.unprocessable(
                                "Router group with guid '" + cmd.routerGroupGuid() + "' not found."));
            }
            nameRules.check(cmd.name(), cmd.organizationGuid());
            if (owner != null) {
                privateDomainQuota.accept(owner);
            }
            Instant now = now();
            Domain domain = new Domain(guids.next(), now, now, cmd.name(), cmd.internal(), cmd.routerGroupGuid(),
                    routerGroupType, cmd.organizationGuid(), cmd.enforceRoutePolicies(),
                    cmd.routePoliciesScope(), List.of(),
                    Metadata.empty());
            repository.insert(domain);
            Metadata stored = metadata.apply(domain.guid(), "domain", Metadata.empty(), cmd.metadata());
            for (Organization org : shareWith) {
                repository.share(domain.guid(), org.guid());
            }
            return presentable(perms, domain.withMetadata(stored)
                    .withSharedOrganizations(shareWith.stream().map(Organization::guid).toList()));
        }, () -> DomainNameRules.nameInUse(cmd.name()));
    }


    /** Metadata only: admins for shared domains, the owning org's managers for private ones. */
    public Domain update(Permissions perms, String guid, MetadataUpdate update) {
        return tx.inTransaction(() -> {
            Domain domain = visible(perms, guid);
            requireOwnerWriter(perms, domain);
            Instant now = now();
            repository.touch(guid, now);
            Metadata merged = metadata.apply(guid, "domain", domain.metadata(), update);
            return presentable(perms, domain.withMetadata(merged).withUpdatedAt(now));
        });
    }

    public Job delete(Permissions perms, String guid) {
        return tx.inTransaction(() -> {
            Domain domain = visible(perms, guid);
            requireOwnerWriter(perms, domain);
            if (!domain.sharedOrganizationGuids().isEmpty()) {
                throw CfException.unprocessable(
                        "This domain is shared with other organizations. Unshare before deleting.");
            }
            return jobs.enqueue(DELETE_JOB, "domains", guid);
        });
    }

    /** POST relationships/shared_organizations: adds organizations; answers the (visible) shared organizations. */
    public List<String> share(Permissions perms, String guid, List<String> orgGuids) {
        return tx.inTransaction(() -> {
            Domain domain = visible(perms, guid);
            requireOwnerWriter(perms, domain);
            List<Organization> targets = verifyShareTargets(perms, orgGuids, domain.owningOrganizationGuid());
            if (!domain.isPrivate()) {
                throw CfException.unprocessable(
                        "Domains cannot be shared with other organizations unless they are scoped to an organization.");
            }
            var all = new LinkedHashSet<>(domain.sharedOrganizationGuids());
            for (Organization org : targets) {
                if (all.add(org.guid())) {
                    repository.share(guid, org.guid());
                }
            }
            return presentable(perms, domain.withSharedOrganizations(List.copyOf(all))).sharedOrganizationGuids();
        });
    }

    /** DELETE relationships/shared_organizations/:org_guid, by the owning or the shared-with org's managers. */
    public void unshare(Permissions perms, String guid, String orgGuid) {
        tx.run(() -> {
            Domain domain = visible(perms, guid);
            Organization shared = organizations.find(orgGuid).orElseThrow(() -> unknownOrganization(orgGuid));
            checkUnsharePermissions(perms, domain.owningOrganizationGuid(), shared);
            if (!perms.canReadOrg(shared.guid())) {
                throw unknownOrganization(orgGuid);
            }
            if (domain.isShared() || !domain.sharedOrganizationGuids().contains(shared.guid())) {
                throw CfException.unprocessable("Unable to unshare domain from organization with name '"
                        + shared.name() + "'. Ensure the domain is shared to this organization.");
            }
            if (routes.domainUsedInOrganization(guid, shared.guid())) {
                throw CfException.unprocessable(
                        "This domain has associated routes in this organization. Delete the routes before unsharing.");
            }
            repository.unshare(guid, shared.guid());
        });
    }

    private void checkUnsharePermissions(Permissions perms, String owningOrgGuid, Organization shared) {
        Optional<Organization> owning = owningOrgGuid == null ? Optional.empty() : organizations.find(owningOrgGuid);
        boolean owningWritable = perms.canWriteGlobally() || owning.map(o -> perms.canWriteOrg(o.guid())).orElse(false);
        boolean sharedWritable = perms.canWriteOrg(shared.guid());
        if (owningWritable && (perms.canWriteGlobally() || owning.map(o -> !o.suspended()).orElse(true))) {
            return;
        }
        if (sharedWritable && (perms.canWriteGlobally() || !shared.suspended())) {
            return;
        }
        if (!owningWritable && !sharedWritable) {
            throw CfException.notAuthorized();
        }
        throw CfException.of(CfError.OrgSuspended);
    }

    /** Whether a route with this host, path and port exists in the (visible) domain. */
    public boolean routeReserved(Permissions perms, String guid, DomainCommands.Reservation reservation) {
        return tx.inTransaction(() -> {
            Domain domain = visible(perms, guid);
            return routes.exists(domain.guid(), reservation.host() == null ? "" : reservation.host(),
                    reservation.path() == null ? "" : reservation.path(), reservation.port());
        });
    }

    /**
     * Creates the configured shared apps domain at boot when no domain has its name (the reference's seeds reuse an
     * existing one and never change it).
     */
    public void seedSharedDomain(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        tx.run(() -> {
            if (repository.findByNames(List.of(name)).isEmpty()) {
                Instant now = now();
                repository.insert(new Domain(guids.next(), now, now, name, false, null, null, null, false, null,
                        List.of(), Metadata.empty()));
            }
        });
    }

    private List<Organization> verifyShareTargets(Permissions perms, List<String> orgGuids, String owningGuid) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(orgGuids));
        List<Organization> found = organizations.findAll(wanted);
        if (found.size() != wanted.size()) {
            String missing = wanted.stream().filter(g -> found.stream().noneMatch(o -> o.guid().equals(g)))
                    .findFirst().orElse("");
            throw CfException.unprocessable("Organization with guid '" + missing
                    + "' does not exist, or you do not have access to it.");
        }
        for (Organization org : found) {
            if (!perms.canReadOrg(org.guid())) {
                throw CfException.unprocessable("Organization with guid '" + org.guid()
                        + "' either does not exist, or you do not have access to it.");
            }
            if (!perms.canWriteOrg(org.guid())) {
                throw CfException.unprocessable("You do not have sufficient permissions for organization '"
                        + org.name() + "' to share domain.");
            }
            if (org.suspended() && !perms.canWriteGlobally()) {
                throw CfException.unprocessable("Organization '" + org.name() + "' is suspended.");
            }
        }
        if (owningGuid != null && wanted.contains(owningGuid)) {
            throw CfException.unprocessable("Domain cannot be shared with owning organization.");
        }
        return found;
    }

    /** Admins for shared domains; the owning org's managers (org not suspended) for private ones. */
    private void requireOwnerWriter(Permissions perms, Domain domain) {
        if (perms.canWriteGlobally()) {
            return;
        }
        if (domain.isShared() || !perms.canWriteOrg(domain.owningOrganizationGuid())) {
            throw CfException.notAuthorized();
        }
        organizations.find(domain.owningOrganizationGuid()).ifPresent(o -> requireActive(perms, o));
    }

    private static void requireActive(Permissions perms, Organization org) {
        if (org.suspended() && !perms.canWriteGlobally()) {
            throw CfException.of(CfError.OrgSuspended);
        }
    }

    private static CfException unknownOrganization(String guid) {
        return CfException.unprocessable("Organization with guid '" + guid
                + "' does not exist or you do not have access to it.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
