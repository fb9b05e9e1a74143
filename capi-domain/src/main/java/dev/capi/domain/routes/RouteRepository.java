package dev.capi.domain.routes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Route;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: routes (metadata loaded with them) and the spaces they are shared with. List filters: guids, hosts, paths,
 * ports, domain_guids, space_guids (owning or shared-to space), organization_guids, app_guids,
 * service_instance_guids; order: created_at, updated_at. The list's visibility holds the user and the roles that
 * make a space's routes readable: a route is visible through its own space or any space it is shared with.
 */
public interface RouteRepository extends dev.capi.domain.domains.DomainRoutes {
    Optional<Route> find(String guid);

    List<Route> findAll(Collection<String> guids);

    Page<Route> list(ListQuery query);

    /** Whether a route with exactly this host, path and port (0 or null: none) exists in the domain. */
    boolean exists(String domainGuid, String host, String path, Integer port);

    /** Whether a route with this host exists under the domain named {@code domainName}. */
    boolean hostExistsUnder(String domainName, String host);

    /** Whether a port-less route with this host in the domain belongs to another space than {@code spaceGuid}. */
    boolean hostTakenInOtherSpace(String domainGuid, String host, String spaceGuid);

    /** Ports already reserved by routes of any domain of this router group. */
    List<Integer> portsInRouterGroup(String routerGroupGuid);

    /** Whether a route of any domain of this router group reserves the port. */
    boolean portTaken(String routerGroupGuid, int port);

    /** Whether some route of the domain belongs to a space of the organization. */
    boolean domainUsedInOrganization(String domainGuid, String organizationGuid);

    List<String> inSpace(String spaceGuid);

    List<String> ofDomain(String domainGuid);

    /** Routes of the space with no destination (and no service binding). */
    List<String> unmappedInSpace(String spaceGuid);

    /** The spaces each route is shared with (every route guid present, possibly with an empty list). */
    Map<String, List<String>> sharedSpaces(Collection<String> routeGuids);

    void insert(Route route);

    /** Stores options, space and updated_at. */
    void update(Route route);

    void share(String routeGuid, String spaceGuid);

    void unshare(String routeGuid, String spaceGuid);

    /** Removes every share into this space (the space is being deleted). */
    void unshareAllInto(String spaceGuid);

    /** Removes the route and its shares (destinations and metadata are removed by the caller). */
    void delete(String guid);

    /** Number of routes in the organization's spaces and, of those, how many reserve a port (quota hooks). */
    long countInOrganization(String organizationGuid, boolean withPortOnly);

    long countInSpace(String spaceGuid, boolean withPortOnly);

    /** Touches updated_at only. */
    default void touch(String guid, Instant at) {
    }
}
