package dev.capi.domain.routes;

import dev.capi.model.RouteDestination;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: route destinations (the reference's route mappings). */
public interface RouteDestinationRepository {
    Optional<RouteDestination> find(String guid);

    /** Destinations of these routes, ordered by guid (the reference's presentation order). */
    List<RouteDestination> forRoutes(Collection<String> routeGuids);

    List<RouteDestination> forApp(String appGuid);

    void insert(RouteDestination destination);

    void updateProtocol(RouteDestination destination);

    void delete(String guid);

    void deleteForRoute(String routeGuid);

    void deleteForApp(String appGuid);
}
