package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.routes.RouteRepository;
import dev.capi.model.Domain;
import dev.capi.model.Route;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Routes and shares in maps, reading domains, spaces and destinations from their fakes; lists ignore visibility. */
public final class InMemoryRoutes implements RouteRepository {
    private final Map<String, Route> rows = new LinkedHashMap<>();
    private final Map<String, List<String>> shares = new LinkedHashMap<>();
    private final InMemoryDomains domains;
    private final InMemorySpaces spaces;
    private final InMemoryRouteDestinations destinations;

    public InMemoryRoutes(InMemoryDomains domains, InMemorySpaces spaces, InMemoryRouteDestinations destinations) {
        this.domains = domains;
        this.spaces = spaces;
        this.destinations = destinations;
    }

    @Override
    public Optional<Route> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public List<Route> findAll(Collection<String> guids) {
        return guids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Page<Route> list(ListQuery query) {
        List<Route> all = rows.values().stream().filter(r -> query.filter("app_guids") == null
                || destinations.forRoutes(List.of(r.guid())).stream()
                .anyMatch(d -> query.filter("app_guids").contains(d.appGuid()))).toList();
        return new Page<>(all, all.size());
    }

    private static int port(Integer p) {
        return p == null ? 0 : p;
    }

    @Override
    public boolean exists(String domainGuid, String host, String path, Integer port) {
        return rows.values().stream().anyMatch(r -> r.domainGuid().equals(domainGuid) && r.host().equals(host)
                && r.path().equals(path) && port(r.port()) == port(port));
    }

    @Override
    public boolean hostExistsUnder(String domainName, String host) {
        return rows.values().stream().anyMatch(r -> r.host().equals(host) && domains.find(r.domainGuid())
                .map(Domain::name).filter(domainName::equalsIgnoreCase).isPresent());
    }

    @Override
    public boolean hostTakenInOtherSpace(String domainGuid, String host, String spaceGuid) {
        return rows.values().stream().anyMatch(r -> r.domainGuid().equals(domainGuid) && r.host().equals(host)
                && r.port() == null && !r.spaceGuid().equals(spaceGuid));
    }

    @Override
    public List<Integer> portsInRouterGroup(String routerGroupGuid) {
        return rows.values().stream().filter(r -> r.port() != null && domains.find(r.domainGuid())
                .map(Domain::routerGroupGuid).filter(routerGroupGuid::equals).isPresent()).map(Route::port).toList();
    }

    @Override
    public boolean portTaken(String routerGroupGuid, int port) {
        return portsInRouterGroup(routerGroupGuid).contains(port);
    }

    @Override
    public boolean domainUsedInOrganization(String domainGuid, String organizationGuid) {
        return rows.values().stream().anyMatch(r -> r.domainGuid().equals(domainGuid) && spaces.find(r.spaceGuid())
                .map(Space::organizationGuid).filter(organizationGuid::equals).isPresent());
    }

    @Override
    public List<String> inSpace(String spaceGuid) {
        return rows.values().stream().filter(r -> r.spaceGuid().equals(spaceGuid)).map(Route::guid).toList();
    }

    @Override
    public List<String> ofDomain(String domainGuid) {
        return rows.values().stream().filter(r -> r.domainGuid().equals(domainGuid)).map(Route::guid).toList();
    }

    @Override
    public List<String> unmappedInSpace(String spaceGuid) {
        return inSpace(spaceGuid).stream().filter(g -> destinations.forRoutes(List.of(g)).isEmpty()).toList();
    }

    @Override
    public Map<String, List<String>> sharedSpaces(Collection<String> routeGuids) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        routeGuids.forEach(g -> result.put(g, List.copyOf(shares.getOrDefault(g, List.of()))));
        return result;
    }

    @Override
    public void insert(Route route) {
        rows.put(route.guid(), route);
    }

    @Override
    public void update(Route route) {
        rows.put(route.guid(), route);
    }

    @Override
    public void share(String routeGuid, String spaceGuid) {
        shares.computeIfAbsent(routeGuid, k -> new ArrayList<>()).add(spaceGuid);
    }

    @Override
    public void unshare(String routeGuid, String spaceGuid) {
        shares.getOrDefault(routeGuid, new ArrayList<>()).remove(spaceGuid);
    }

    @Override
    public void unshareAllInto(String spaceGuid) {
        shares.values().forEach(l -> l.remove(spaceGuid));
    }

    @Override
    public void delete(String guid) {
        rows.remove(guid);
        shares.remove(guid);
    }

    @Override
    public long countInOrganization(String organizationGuid, boolean withPortOnly) {
        return rows.values().stream().filter(r -> !withPortOnly || r.port() != null).filter(r -> spaces
                .find(r.spaceGuid()).map(Space::organizationGuid).filter(organizationGuid::equals).isPresent()).count();
    }

    @Override
    public long countInSpace(String spaceGuid, boolean withPortOnly) {
        return rows.values().stream().filter(r -> r.spaceGuid().equals(spaceGuid))
                .filter(r -> !withPortOnly || r.port() != null).count();
    }

    @Override
    public void touch(String guid, Instant at) {
        rows.computeIfPresent(guid, (g, r) -> r.withOptions(r.options(), at));
    }

    public int size() {
        return rows.size();
    }
}
