package dev.capi.domain.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.model.AuditEvent;
import dev.capi.model.RouteDestination;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A route's destinations: list, insert, replace (PATCH and the seed's PUT), update a destination's protocol, remove
 * one. Mapping and unmapping record {@code audit.app.map-route} / {@code audit.app.unmap-route} on the app.
 */
public final class RouteDestinations {
    /** The reference's ProcessModel::DEFAULT_HTTP_PORT and NO_APP_PORT_SPECIFIED. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int NO_APP_PORT = -1;
    public static final int MAX_DESTINATIONS = 100;

    private final RoutingContext c;
    private final RouteAccess access;
    private final Routes routes;

    public RouteDestinations(RoutingContext c, Routes routes) {
        this.c = c;
        this.access = new RouteAccess(c);
        this.routes = routes;
    }

    /** The route and its destinations (filtered by guids and app guids when given). */
    public RouteDetails list(Permissions perms, String routeGuid, RouteCommands.DestinationFilter filter) {
        return c.tx().inTransaction(() -> {
            RouteDetails d = routes.details(access.readable(perms, routeGuid).route());
            List<RouteDestination> kept = d.destinations().stream()
                    .filter(x -> filter.guids() == null || filter.guids().contains(x.guid()))
                    .filter(x -> filter.appGuids() == null || filter.appGuids().contains(x.appGuid()))
                    .toList();
            return new RouteDetails(d.route(), d.domain(), kept);
        });
    }

    public RouteDetails insert(Permissions perms, String routeGuid, List<RouteCommands.Destination> wanted) {
        return c.tx().inTransaction(() -> {
            RouteAccess.Located l = access.manageable(perms, routeGuid);
            RouteDetails d = routes.details(l.route());
            Map<String, AppLookup.App> apps = apps(perms, d, wanted);
            List<RouteDestination> requested = requested(d, wanted, apps);
            if (d.destinations().size() + requested.size() > MAX_DESTINATIONS) {
                throw CfException.unprocessable("Routes can be mapped to at most 100 destinations.");
            }
            requireUnique(requested);
            if (d.destinations().stream().anyMatch(x -> x.weight() != null)) {
                throw CfException.unprocessable(
                        "Destinations cannot be inserted when there are weighted destinations already configured.");
            }
            List<RouteDestination> toAdd = new ArrayList<>();
            for (RouteDestination n : requested) {
                Optional<RouteDestination> same = d.destinations().stream().filter(e -> sameTarget(e, n)).findFirst();
                if (same.isPresent()) {
                    String existing = protocol(d, same.get());
                    if (!existing.equals(n.protocol())) {
                        throw CfException.unprocessable("Cannot add destination with protocol: " + n.protocol()
                                + ". Destination already exists for route: " + d.uri() + ", app: " + n.appGuid()
                                + ", process: " + n.processType() + ", and protocol: " + existing + ".");
                    }
                } else {
                    toAdd.add(n);
                }
            }
            apply(perms, d, toAdd, List.of(), apps);
            return routes.details(l.route());
        });
    }

    public RouteDetails replace(Permissions perms, String routeGuid, List<RouteCommands.Destination> wanted) {
        return c.tx().inTransaction(() -> {
            RouteAccess.Located l = access.manageable(perms, routeGuid);
            RouteDetails d = routes.details(l.route());
            Map<String, AppLookup.App> apps = apps(perms, d, wanted);
            List<RouteDestination> requested = requested(d, wanted, apps);
            if (requested.size() > MAX_DESTINATIONS) {
                throw CfException.unprocessable("Routes can be mapped to at most 100 destinations.");
            }
            requireUnique(requested);
            List<RouteDestination> toAdd = requested.stream()
                    .filter(n -> d.destinations().stream().noneMatch(e -> identical(d, e, n))).toList();
            List<RouteDestination> toDelete = d.destinations().stream()
                    .filter(e -> requested.stream().noneMatch(n -> identical(d, e, n))).toList();
            Map<String, AppLookup.App> all = new LinkedHashMap<>(apps);
            c.apps().findAll(toDelete.stream().map(RouteDestination::appGuid).distinct()
                    .filter(g -> !all.containsKey(g)).toList()).forEach(a -> all.put(a.guid(), a));
            apply(perms, d, toAdd, toDelete, all);
            return routes.details(l.route());
        });
    }

    /** PATCH a destination's protocol; answers the route and the updated destination. */
    public RouteDetails updateProtocol(Permissions perms, String routeGuid, String destinationGuid, String protocol) {
        return c.tx().inTransaction(() -> {
            RouteAccess.Located l = access.manageable(perms, routeGuid);
            RouteDetails d = routes.details(l.route());
            RouteDestination destination = ofRoute(d, destinationGuid);
            if (d.domain().isTcp() && !"tcp".equals(protocol)) {
                throw CfException.unprocessable(
                        "Destination protocol must be 'tcp' if the parent route's protocol is 'tcp'");
            }
            if (!d.domain().isTcp() && "tcp".equals(protocol)) {
                throw CfException.unprocessable(
                        "Destination protocol must be 'http1' or 'http2' if the parent route's protocol is 'http'");
            }
            RouteDestination updated = protocol == null ? destination
                    : destination.withProtocol(stored(protocol), c.now());
            c.destinations().updateProtocol(updated);
            return new RouteDetails(d.route(), d.domain(), List.of(updated));
        });
    }

    public void remove(Permissions perms, String routeGuid, String destinationGuid) {
        c.tx().run(() -> {
            RouteAccess.Located l = access.manageable(perms, routeGuid);
            RouteDetails d = routes.details(l.route());
            RouteDestination destination = ofRoute(d, destinationGuid);
            if (destination.weight() != null) {
                throw CfException.unprocessable("Weighted destinations cannot be deleted individually.");
            }
            Map<String, AppLookup.App> apps = c.apps().findAll(List.of(destination.appGuid())).stream()
                    .collect(Collectors.toMap(AppLookup.App::guid, Function.identity()));
            apply(perms, d, List.of(), List.of(destination), apps);
        });
    }

    /** The port a destination presents: its app port, or 8080 when none was specified. */
    public static int presentedPort(RouteDestination d) {
        return d.appPort() == null || d.appPort() == NO_APP_PORT ? DEFAULT_HTTP_PORT : d.appPort();
    }

    /** The protocol a destination presents: http2 when stored, else the route's default (http1 or tcp). */
    public static String protocol(RouteDetails route, RouteDestination d) {
        if ("http2".equals(d.protocol())) {
            return "http2";
        }
        return route.domain().isTcp() ? "tcp" : "http1";
    }

    private RouteDestination ofRoute(RouteDetails d, String destinationGuid) {
        return d.destinations().stream().filter(x -> x.guid().equals(destinationGuid)).findFirst()
                .orElseThrow(() -> CfException.unprocessable("Unable to unmap route from destination. Ensure the "
                        + "route has a destination with this guid."));
    }

    /** The reference's apps_hash: every app exists, is readable, and lives in the route's or a shared space. */
    private Map<String, AppLookup.App> apps(Permissions perms, RouteDetails d, List<RouteCommands.Destination> wanted) {
        List<String> guids = wanted.stream().map(RouteCommands.Destination::appGuid).distinct().toList();
        Map<String, AppLookup.App> apps = c.apps().findAll(guids).stream()
                .collect(Collectors.toMap(AppLookup.App::guid, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<String> missing = guids.stream().filter(g -> !apps.containsKey(g)).toList();
        if (!missing.isEmpty()) {
            throw CfException.unprocessable("App(s) with guid(s) \"" + String.join("\", \"", missing)
                    + "\" do not exist.");
        }
        if (!perms.canReadGlobally()) {
            Map<String, Space> spaces = c.spaces().findAll(apps.values().stream().map(AppLookup.App::spaceGuid)
                    .distinct().toList()).stream().collect(Collectors.toMap(Space::guid, Function.identity()));
            List<String> unreadable = guids.stream().filter(g -> {
                Space s = spaces.get(apps.get(g).spaceGuid());
                return s == null || !perms.canReadSpace(s.guid(), s.organizationGuid());
            }).toList();
            if (!unreadable.isEmpty()) {
                throw CfException.unprocessable("App(s) with guid(s) \"" + String.join("\", \"", unreadable)
                        + "\" you do not have access.");
            }
        }
        if (!apps.isEmpty()) {
            List<String> shared = c.routes().sharedSpaces(List.of(d.route().guid()))
                    .getOrDefault(d.route().guid(), List.of());
            boolean elsewhere = apps.values().stream().anyMatch(a -> !a.spaceGuid().equals(d.route().spaceGuid())
                    && !shared.contains(a.spaceGuid()));
            if (elsewhere) {
                throw CfException.unprocessable(
                        "Routes destinations must be in either the route's space or the route's shared spaces");
            }
        }
        return apps;
    }

    /** The requested destinations with the reference's defaults: the app's port, the route's protocol. */
    private List<RouteDestination> requested(RouteDetails d, List<RouteCommands.Destination> wanted,
                                             Map<String, AppLookup.App> apps) {
        Instant now = c.now();
        String defaultProtocol = d.domain().isTcp() ? "tcp" : "http1";
        return wanted.stream().map(w -> new RouteDestination(null, now, now, d.route().guid(), w.appGuid(),
                w.processType() == null ? "web" : w.processType(),
                w.port() != null ? w.port() : apps.get(w.appGuid()).docker() ? NO_APP_PORT : DEFAULT_HTTP_PORT,
                w.weight(), w.protocol() == null ? defaultProtocol : w.protocol())).toList();
    }

    private static void requireUnique(List<RouteDestination> requested) {
        for (int i = 0; i < requested.size(); i++) {
            for (int j = i + 1; j < requested.size(); j++) {
                if (sameTarget(requested.get(i), requested.get(j))
                        && Objects.equals(requested.get(i).weight(), requested.get(j).weight())
                        && Objects.equals(requested.get(i).protocol(), requested.get(j).protocol())) {
                    throw CfException.unprocessable("Destinations cannot contain duplicate entries");
                }
            }
        }
    }

    private static boolean sameTarget(RouteDestination a, RouteDestination b) {
        return a.appGuid().equals(b.appGuid()) && a.processType().equals(b.processType())
                && Objects.equals(a.appPort(), b.appPort());
    }

    /** The reference compares whole mapping hashes on replace: target, weight and (defaulted) protocol. */
    private static boolean identical(RouteDetails d, RouteDestination existing, RouteDestination requested) {
        return sameTarget(existing, requested) && Objects.equals(existing.weight(), requested.weight())
                && protocol(d, existing).equals(requested.protocol());
    }

    private void apply(Permissions perms, RouteDetails d, List<RouteDestination> toAdd, List<RouteDestination> toDelete,
                       Map<String, AppLookup.App> apps) {
        for (RouteDestination gone : toDelete) {
            c.destinations().delete(gone.guid());
            record("audit.app.unmap-route", perms, d, gone, protocol(d, gone), apps.get(gone.appGuid()));
        }
        for (RouteDestination n : toAdd) {
            requireProtocolMatches(d, n.protocol());
            RouteDestination stored = new RouteDestination(c.guids().next(), n.createdAt(), n.updatedAt(),
                    n.routeGuid(), n.appGuid(), n.processType(), n.appPort(), n.weight(), stored(n.protocol()));
            c.destinations().insert(stored);
            record("audit.app.map-route", perms, d, stored, n.protocol(), apps.get(n.appGuid()));
        }
        if (!toAdd.isEmpty() || !toDelete.isEmpty()) {
            c.routes().touch(d.route().guid(), c.now());
        }
    }

    private static void requireProtocolMatches(RouteDetails d, String protocol) {
        String routeProtocol = d.domain().protocol();
        String needed = "tcp".equals(protocol) ? "tcp" : "http";
        if (!routeProtocol.equals(needed)) {
            throw CfException.unprocessable("Cannot use '" + protocol + "' protocol for " + routeProtocol
                    + " routes; valid options are: [" + ("tcp".equals(routeProtocol) ? "tcp" : "http1, http2")
                    + "].");
        }
    }

    /** Only {@code http2} is stored; other protocols are the route's default. */
    private static String stored(String protocol) {
        return "http2".equals(protocol) ? "http2" : null;
    }

    private void record(String type, Permissions perms, RouteDetails d, RouteDestination dest, String protocol,
                        AppLookup.App app) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("route_guid", d.route().guid());
        data.put("app_port", dest.appPort());
        data.put("route_mapping_guid", dest.guid());
        data.put("destination_guid", dest.guid());
        data.put("process_type", dest.processType());
        data.put("weight", dest.weight());
        data.put("protocol", protocol);
        if (d.route().options() != null && !d.route().options().isEmpty()) {
            data.put("route_options", d.route().options());
        }
        String spaceGuid = app != null ? app.spaceGuid() : d.route().spaceGuid();
        String orgGuid = c.spaces().find(spaceGuid).map(Space::organizationGuid).orElse(null);
        c.audit().record(type, perms.principal(),
                new AuditEvent.Target(dest.appGuid(), "app", app != null ? app.name() : ""), spaceGuid, orgGuid,
                data);
    }

}
