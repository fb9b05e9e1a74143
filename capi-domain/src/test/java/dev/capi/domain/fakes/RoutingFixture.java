package dev.capi.domain.fakes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.domains.Domains;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteRemoval;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.routes.RoutingContext;
import dev.capi.model.AuditEvent;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Domains and routes over in-memory fakes: an org "org" with space "space" (user "dev" is its developer, "aud" an
 * org auditor, "mgr" the org manager), another org "other" with space "elsewhere", the built-in TCP router group and
 * a fake app lookup.
 */
public final class RoutingFixture {
    public final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger ids = new AtomicInteger(100);
    public final InMemoryOrganizations orgs = new InMemoryOrganizations();
    public final InMemorySpaces spaces = new InMemorySpaces();
    public final InMemoryDomains domainRows = new InMemoryDomains();
    public final InMemoryRouteDestinations destinationRows = new InMemoryRouteDestinations();
    public final InMemoryRoutes routeRows = new InMemoryRoutes(domainRows, spaces, destinationRows);
    public final InMemoryAuditEventLog events = new InMemoryAuditEventLog();
    public final InMemoryMetadata metadata = new InMemoryMetadata();
    public final InMemoryJobs jobRows = new InMemoryJobs();
    public final InMemoryFeatureFlags flagRows = new InMemoryFeatureFlags();
    public final FixedRoles roles = new FixedRoles();
    public final FakeAppLookup apps = new FakeAppLookup();
    public final FeatureFlags flags;
    public final Domains domains;
    public final Routes routes;
    public final RouteCreate routeCreate;
    public final RouteDestinations destinations;
    public final RouteRemoval removal;
    /** Counts route quota checks; set {@link #refuseRoutes} to make them fail. */
    public int quotaChecks;
    public boolean refuseRoutes;

    public RoutingFixture() {
        var tx = new ImmediateTransactions();
        flags = new FeatureFlags(flagRows, tx, clock);
        var audit = new AuditEvents(events, clock, this::nextGuid);
        var metadataChanges = new MetadataChanges(metadata, 50, 200);
        var jobs = new Jobs(jobRows, clock, this::nextGuid);
        domains = new Domains(domainRows, orgs, routeRows, RouterGroups.builtIn(), tx, flags, metadataChanges, jobs,
                clock, this::nextGuid, org -> { });
        var context = new RoutingContext(routeRows, destinationRows, domainRows, spaces, orgs, metadata,
                metadataChanges, audit, flags, jobs, tx, clock, this::nextGuid, apps, RouterGroups.builtIn(),
                (org, space, port) -> {
                    quotaChecks++;
                    if (refuseRoutes) {
                        throw dev.capi.domain.errors.CfException.unprocessable(
                                "Routes quota exceeded for organization '" + org.name() + "'.");
                    }
                }, new SplittableRandom(7));
        routes = new Routes(context);
        routeCreate = new RouteCreate(context);
        destinations = new RouteDestinations(context, routes);
        removal = new RouteRemoval(context);
        Instant now = clock.instant();
        orgs.insert(new Organization("org", now, now, "Org", false, null, Metadata.empty()));
        orgs.insert(new Organization("other", now, now, "Other", false, null, Metadata.empty()));
        spaces.insert(new Space("space", now, now, "Space", "org", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("elsewhere", now, now, "Elsewhere", "other", false, true, null, null,
                Metadata.empty()));
        roles.space("dev", RoleType.SPACE_DEVELOPER, "org", "space");
        roles.org("dev", RoleType.ORGANIZATION_USER, "org");
        roles.org("aud", RoleType.ORGANIZATION_AUDITOR, "org");
        roles.org("mgr", RoleType.ORGANIZATION_MANAGER, "org");
    }

    public String nextGuid() {
        return "g" + ids.incrementAndGet();
    }

    public Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    public Permissions as(String user, String... scopes) {
        Set<String> all = new java.util.HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user + "@example.org", "uaa", "cf", all), roles);
    }

    public List<AuditEvent> events(String type) {
        return events.list(ListQuery.all()).resources().stream().filter(e -> e.type().equals(type)).toList();
    }
}
