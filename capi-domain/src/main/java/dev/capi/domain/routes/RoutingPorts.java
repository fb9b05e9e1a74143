package dev.capi.domain.routes;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.domains.RouterGroups;

/**
 * The ports of the routing resources (domains, routes, destinations) and what they ask of the outside: router
 * groups and apps. Registered in {@link dev.capi.domain.Repositories} under this type.
 */
public record RoutingPorts(DomainRepository domains, RouteRepository routes, RouteDestinationRepository destinations,
                           RouterGroups routerGroups, AppLookup apps) {
    public RoutingPorts withApps(AppLookup lookup) {
        return new RoutingPorts(domains, routes, destinations, routerGroups, lookup);
    }
}
