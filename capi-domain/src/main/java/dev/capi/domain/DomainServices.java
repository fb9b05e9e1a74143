package dev.capi.domain;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.events.AuditEventQueries;
import dev.capi.domain.events.AuditEvents;
import dev.capi.domain.domains.Domains;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataChanges;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.organizations.OrganizationDeletion;
import dev.capi.domain.organizations.Organizations;
import dev.capi.domain.roles.RoleCreate;
import dev.capi.domain.roles.RoleDeletion;
import dev.capi.domain.roles.RoleGrants;
import dev.capi.domain.roles.Roles;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteRemoval;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.routes.RoutingContext;
import dev.capi.domain.spaces.SpaceDeletion;
import dev.capi.domain.spaces.Spaces;
import dev.capi.domain.users.UserCreate;
import dev.capi.domain.users.UserDeletion;
import dev.capi.domain.users.UserRegistry;
import dev.capi.domain.users.Users;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain, assembled from its ports: one object per resource's use cases. Adapters (REST, jobs) call these; the
 * assembly builds exactly one instance.
 */
public final class DomainServices {
    private final Ports ports;
    private final Settings settings;
    private final AuditEvents auditEvents;
    private final AuditEventQueries auditEventQueries;
    private final FeatureFlags featureFlags;
    private final Jobs jobs;
    private final UserRegistry userRegistry;
    private final RoleGrants roleGrants;
    private final MetadataChanges metadataChanges;
    private final Organizations organizations;
    private final Users users;
    private final UserCreate userCreate;
    private final Roles roles;
    private final RoleCreate roleCreate;
    private final Spaces spaces;
    private final Domains domains;
    private final Routes routes;
    private final RouteCreate routeCreate;
    private final RouteDestinations routeDestinations;
    private final RouteRemoval routeRemoval;
    private final List<OrganizationCleanup> cleanups = new ArrayList<>();
    private final List<JobHandler> jobHandlers = new ArrayList<>();

    public DomainServices(Ports ports, Settings settings) {
        this.ports = ports;
        this.settings = settings;
        this.auditEvents = new AuditEvents(ports.auditEvents(), ports.clock(), ports.guids());
        this.featureFlags = new FeatureFlags(ports.featureFlags(), ports.transactions(), ports.clock());
        if (!settings.featureFlagOverrides().isEmpty()) {
            featureFlags.applyOverrides(settings.featureFlagOverrides());
        }
        this.auditEventQueries = new AuditEventQueries(ports.auditEvents(), ports.transactions());
        this.jobs = new Jobs(ports.jobs(), ports.clock(), ports.guids());
        this.userRegistry = new UserRegistry(ports.users(), ports.transactions(), ports.clock());
        this.roleGrants = new RoleGrants(ports.roles(), userRegistry, ports.clock(), ports.guids());
        this.metadataChanges = new MetadataChanges(ports.metadata(), settings.maxLabelsPerResource(),
                settings.maxAnnotationsPerResource());
        this.organizations = new Organizations(ports.organizations(), ports.transactions(), auditEvents, featureFlags,
                metadataChanges, roleGrants, jobs, ports.clock(), ports.guids());
        var organizationDeletion = new OrganizationDeletion(ports.organizations(), ports.spaces(), ports.roles(),
                ports.metadata(), cleanups);
        jobHandlers.add(organizationDeletion);
        this.users = new Users(ports.users(), ports.organizations(), ports.spaces(), ports.transactions(),
                metadataChanges, jobs);
        this.userCreate = new UserCreate(ports.users(), ports.userDirectory(), ports.transactions(), metadataChanges,
                ports.clock(), ports.guids(), settings.allowUserCreationByOrgManager());
        this.roles = new Roles(ports.roles(), ports.users(), ports.organizations(), ports.spaces(), auditEvents,
                ports.transactions(), jobs);
        this.roleCreate = new RoleCreate(ports.roles(), ports.users(), ports.userDirectory(), users,
                ports.organizations(), ports.spaces(), auditEvents, featureFlags, ports.transactions(), ports.clock(),
                ports.guids(), settings.allowUserCreationByOrgManager());
        jobHandlers.add(new UserDeletion(ports.users(), ports.roles(), ports.metadata()));
        jobHandlers.add(new RoleDeletion(ports.roles()));
        this.spaces = new Spaces(ports.spaces(), ports.organizations(), ports.transactions(), auditEvents,
                metadataChanges, jobs, ports.clock(), ports.guids());
        jobHandlers.add(new SpaceDeletion(ports.spaces(), organizationDeletion));
        var routing = ports.routing();
        var routingContext = new RoutingContext(routing.routes(), routing.destinations(), routing.domains(),
                ports.spaces(), ports.organizations(), ports.metadata(), metadataChanges, auditEvents, featureFlags,
                jobs, ports.transactions(), ports.clock(), ports.guids(), routing.apps(), routing.routerGroups(),
                routing.quotas(), new java.security.SecureRandom());
        this.domains = new Domains(routing.domains(), ports.organizations(), routing.routes(), routing.routerGroups(),
                ports.transactions(), featureFlags, metadataChanges, jobs, ports.clock(), ports.guids());
        domains.seedSharedDomain(settings.appsDomain());
        this.routes = new Routes(routingContext);
        this.routeCreate = new RouteCreate(routingContext);
        this.routeDestinations = new RouteDestinations(routingContext, routes);
        this.routeRemoval = new RouteRemoval(routingContext);
        cleanups.add(routeRemoval);
        jobHandlers.add(routeRemoval.routeDeletion());
        jobHandlers.add(routeRemoval.unmappedDeletion());
        jobHandlers.add(routeRemoval.domainDeletion());
    }

    public Ports ports() {
        return ports;
    }

    public Settings settings() {
        return settings;
    }

    /** The permissions of one request's principal (roles loaded lazily, once). */
    public Permissions permissions(Principal principal) {
        return new Permissions(principal, ports.roles());
    }

    public AuditEvents auditEvents() {
        return auditEvents;
    }

    public AuditEventQueries auditEventQueries() {
        return auditEventQueries;
    }

    public FeatureFlags featureFlags() {
        return featureFlags;
    }

    public Jobs jobs() {
        return jobs;
    }

    public UserRegistry userRegistry() {
        return userRegistry;
    }

    public Organizations organizations() {
        return organizations;
    }

    public Users users() {
        return users;
    }

    public UserCreate userCreate() {
        return userCreate;
    }

    public Roles roles() {
        return roles;
    }

    public RoleCreate roleCreate() {
        return roleCreate;
    }

    public Spaces spaces() {
        return spaces;
    }

    public Domains domains() {
        return domains;
    }

    public Routes routes() {
        return routes;
    }

    public RouteCreate routeCreate() {
        return routeCreate;
    }

    public RouteDestinations routeDestinations() {
        return routeDestinations;
    }

    /** Removes routes and domains with what hangs off them (also for an app's destinations when it is deleted). */
    public RouteRemoval routeRemoval() {
        return routeRemoval;
    }

    /** Handlers for every asynchronous job operation, for the job worker. */
    public List<JobHandler> jobHandlers() {
        return List.copyOf(jobHandlers);
    }
}
