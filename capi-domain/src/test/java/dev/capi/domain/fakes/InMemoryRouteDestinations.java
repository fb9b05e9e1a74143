package dev.capi.domain.fakes;

import dev.capi.domain.routes.RouteDestinationRepository;
import dev.capi.model.RouteDestination;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Route destinations in a map, listed by guid as the reference presents them. */
public final class InMemoryRouteDestinations implements RouteDestinationRepository {
    private final Map<String, RouteDestination> rows = new LinkedHashMap<>();

    @Override
    public Optional<RouteDestination> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<RouteDestination> forRoutes(Collection<String> routeGuids) {
        return rows.values().stream().filter(d -> routeGuids.contains(d.routeGuid()))
                .sorted(Comparator.comparing(RouteDestination::guid)).toList();
    }

    @Override
    public List<RouteDestination> forApp(String appGuid) {
        return rows.values().stream().filter(d -> d.appGuid().equals(appGuid)).toList();
    }

    @Override
    public void insert(RouteDestination destination) {
        rows.put(destination.guid(), destination);
    }

    @Override
    public void updateProtocol(RouteDestination destination) {
        rows.put(destination.guid(), destination);
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
    }

    @Override
    public void deleteForRoute(String routeGuid) {
        rows.values().removeIf(d -> d.routeGuid().equals(routeGuid));
    }

    @Override
    public void deleteForApp(String appGuid) {
        rows.values().removeIf(d -> d.appGuid().equals(appGuid));
    }

    public int size() {
        return rows.size();
    }
}
