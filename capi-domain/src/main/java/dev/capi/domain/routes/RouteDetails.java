package dev.capi.domain.routes;

import dev.capi.model.Domain;
import dev.capi.model.Route;
import dev.capi.model.RouteDestination;

import java.util.List;

/** A route with what its presentation needs: its domain (name, protocol) and its destinations (by guid). */
public record RouteDetails(Route route, Domain domain, List<RouteDestination> destinations) {
    public RouteDetails {
        destinations = List.copyOf(destinations);
    }

    public String uri() {
        return route.uri(domain.name());
    }
}
