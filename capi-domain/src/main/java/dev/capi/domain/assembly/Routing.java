package dev.capi.domain.assembly;

import dev.capi.domain.Settings;
import dev.capi.domain.apps.RoutingAppView;
import dev.capi.domain.domains.Domains;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.quotas.RoutingQuotas;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteRemoval;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.routes.RoutingContext;
import dev.capi.domain.routes.RoutingPorts;

import java.security.SecureRandom;
import java.util.List;

/** Domains and routes, with their quotas; seeds the shared apps domain. Sees apps through their rows only. */
public record Routing(Domains domains, Routes routes, RouteCreate routeCreate, RouteDestinations routeDestinations,
                      RouteRemoval routeRemoval, List<JobHandler> jobHandlers) {

    public static Routing assemble(CorePorts core, OrgsAndSpacesPorts tenancy, RoutingPorts ports, AppPorts apps,
                                   Foundation foundation, Platform platform, Settings settings) {
        var quotas = new RoutingQuotas(platform.quotaGuard(), platform.quotaScopes());
        var context = new RoutingContext(ports.routes(), ports.destinations(), ports.domains(), tenancy.spaces(),
                tenancy.organizations(), core.metadata(), foundation.metadataChanges(), foundation.auditEvents(),
                foundation.featureFlags(), foundation.jobs(), core.transactions(), core.clock(), core.guids(),
                new RoutingAppView(apps.apps(), apps.processes()), ports.routerGroups(),
                quotas, new SecureRandom());
        var domains = new Domains(ports.domains(), tenancy.organizations(), ports.routes(), ports.routerGroups(),
                core.transactions(), foundation.featureFlags(), foundation.metadataChanges(), foundation.jobs(),
                core.clock(), core.guids(), quotas);
        domains.seedSharedDomain(settings.appsDomain());
        var routes = new Routes(context);
        var removal = new RouteRemoval(context);
        return new Routing(domains, routes, new RouteCreate(context), new RouteDestinations(context, routes),
                removal, List.of(removal.routeDeletion(), removal.unmappedDeletion(), removal.domainDeletion()));
    }
}
