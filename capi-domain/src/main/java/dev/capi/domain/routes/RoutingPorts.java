package dev.capi.domain.routes;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.domains.RouterGroups;

/**
 * The ports of the routing resources (domains, routes, destinations) and what they ask of the outside: router
 * groups, apps, and the quota hook.
 */
public record RoutingPorts(DomainRepository domains, RouteRepository routes, RouteDestinationRepository destinations,
                           RouterGroups routerGroups, AppLookup apps, RouteQuotas quotas) {
    public RoutingPorts withApps(AppLookup lookup) {
        return new RoutingPorts(domains, routes, destinations, routerGroups, lookup, quotas);
    }

    public RoutingPorts withQuotas(RouteQuotas q) {
        return new RoutingPorts(domains, routes, destinations, routerGroups, apps, q);
    }
}
