package dev.capi.domain.routes;

import dev.capi.domain.domains.DomainRepository;
import dev.capi.domain.domains.RouterGroups;

/**
 * The ports of the routing resources (domains, routes, destinations) and the routing tier's router groups.
 * Registered in {@link dev.capi.domain.Repositories} under this type; apps are seen through the apps repository.
 */
public record RoutingPorts(DomainRepository domains, RouteRepository routes, RouteDestinationRepository destinations,
                           RouterGroups routerGroups) {
}
