package dev.capi.server.runtime.local;

import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP routes that have destinations, read from the database (one query, kept for a second): host name to routes,
 * each with its path and weighted destinations; a request matches the route of its host with the longest path that
 * is a whole-segment prefix of the request's path.
 */
final class RouteTable {
    private static final String ROUTES = """
            SELECT r.guid AS route_guid, r.host, r.path, d.name AS domain, rd.app_guid, rd.process_type, rd.weight
            FROM routes r
            JOIN domains d ON d.guid = r.domain_guid
            JOIN route_destinations rd ON rd.route_guid = r.guid
            WHERE r.port = 0 OR r.port IS NULL
            ORDER BY r.guid, rd.id""";
    private static final long TTL_NANOS = 1_000_000_000L;

    private final Jdbi jdbi;
    private volatile Snapshot snapshot;

    RouteTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where a destination sends requests: an app's process type, with a weight (1 when none was given). */
    record Destination(String appGuid, String processType, int weight) {
    }

    /** A route: its path ("" for none) and destinations, and the round-robin counter of its requests. */
    record Route(String guid, String path, List<Destination> destinations, AtomicInteger counter) {
        /** The destinations, each repeated as often as its weight says (round-robin honours weights). */
        List<Destination> weighted() {
            List<Destination> expanded = new ArrayList<>();
            for (Destination d : destinations) {
                for (int i = 0; i < Math.max(1, d.weight()); i++) {
                    expanded.add(d);
                }
            }
            return expanded;
        }
    }

    private record Snapshot(long readNanos, Map<String, List<Route>> byHost) {
    }

    /** The route for the host (no port, any case) and path, if one has destinations. */
    Optional<Route> find(String host, String path) {
        List<Route> routes = current().byHost().get(host.toLowerCase(Locale.ROOT));
        if (routes == null) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> matches(r.path(), path)).findFirst();
    }

    static boolean matches(String routePath, String requestPath) {
        if (routePath == null || routePath.isEmpty()) {
            return true;
        }
        return requestPath.equals(routePath) || requestPath.startsWith(routePath + "/")
                || requestPath.startsWith(routePath + "?");
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readNanos() > TTL_NANOS) {
            synchronized (this) {
                s = snapshot;
                if (s == null || System.nanoTime() - s.readNanos() > TTL_NANOS) {
                    s = read(s);
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot read(Snapshot previous) {
        Map<String, Route> routes = new LinkedHashMap<>();
        Map<String, String> hosts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(ROUTES).map((rs, ctx) -> {
            String guid = rs.getString("route_guid");
            String host = rs.getString("host");
            String domain = rs.getString("domain");
            String fqdn = (host == null || host.isEmpty() ? domain : host + "." + domain).toLowerCase(Locale.ROOT);
            hosts.put(guid, fqdn);
            int weight = rs.getInt("weight");
            Destination destination = new Destination(rs.getString("app_guid"), rs.getString("process_type"),
                    rs.wasNull() ? 1 : weight);
            Route existing = routes.get(guid);
            List<Destination> destinations = existing == null ? new ArrayList<>()
                    : new ArrayList<>(existing.destinations());
            destinations.add(destination);
            AtomicInteger counter = counter(previous, fqdn, guid);
            routes.put(guid, new Route(guid, rs.getString("path") == null ? "" : rs.getString("path"),
                    destinations, counter));
            return guid;
        }).list());
        Map<String, List<Route>> byHost = new LinkedHashMap<>();
        routes.forEach((guid, route) -> byHost.computeIfAbsent(hosts.get(guid), h -> new ArrayList<>()).add(route));
        byHost.values().forEach(list -> list.sort(Comparator.comparingInt((Route r) -> r.path().length())
                .reversed()));
        return new Snapshot(System.nanoTime(), byHost);
    }

    /** Keeps a route's round-robin position across refreshes. */
    private static AtomicInteger counter(Snapshot previous, String host, String guid) {
        if (previous != null) {
            for (Route r : previous.byHost().getOrDefault(host, List.of())) {
                if (r.guid().equals(guid)) {
                    return r.counter();
                }
            }
        }
        return new AtomicInteger();
    }
}
