package dev.capi.domain.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.AuditEvent;
import dev.capi.model.Domain;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.Route;
import dev.capi.model.RouteDestination;
import dev.capi.model.Space;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The route use cases besides create: list (all, or an app's), get, update (options, metadata), asynchronous
 * delete, sharing with spaces, transfer of ownership, deleting a space's unmapped routes, and the related resources
 * for {@code include} (one query per relation).
 */
public final class Routes {
    public static final String DELETE_JOB = "route.delete";
    public static final String DELETE_UNMAPPED_JOB = "space.delete_unmapped_routes";

    private final RoutingContext c;
    private final RouteAccess access;

    public Routes(RoutingContext c) {
        this.c = c;
        this.access = new RouteAccess(c);
    }

    public Page<RouteDetails> list(Permissions perms, ListQuery query) {
        return c.tx().inTransaction(() -> details(c.routes().list(query.withVisibility(perms.routeVisibility()))));
    }

    /** {@code /v3/apps/:guid/routes}: 404 "App not found" unless the app's space is readable. */
    public Page<RouteDetails> listForApp(Permissions perms, String appGuid, ListQuery query) {
        return c.tx().inTransaction(() -> {
            AppLookup.App app = c.apps().find(appGuid).orElseThrow(() -> CfException.notFound("App"));
            Space space = c.spaces().find(app.spaceGuid()).orElseThrow(() -> CfException.notFound("App"));
            if (!perms.canReadSpace(space.guid(), space.organizationGuid())) {
                throw CfException.notFound("App");
            }
            Visibility v = perms.canReadGlobally() ? Visibility.everything() : perms.spaceVisibility();
            return details(c.routes().list(query.withFilter("app_guids", List.of(app.guid())).withVisibility(v)));
        });
    }

    /**
     * The URIs of the routes mapped to the app, oldest route first, as {@code VCAP_APPLICATION.application_uris}
     * lists them (host.domain/path, {@code :port} for TCP routes); no visibility check: the caller already may see
     * the app.
     */
    public List<String> uris(String appGuid) {
        return c.tx().inTransaction(() -> {
            var routes = c.routes().list(ListQuery.all().withFilter("app_guids", List.of(appGuid))).resources();
            var domainNames = new java.util.HashMap<String, String>();
            c.domains().findAllPlain(routes.stream().map(Route::domainGuid).distinct().toList())
                    .forEach(d -> domainNames.put(d.guid(), d.name()));
            return routes.stream().map(r -> r.uri(domainNames.getOrDefault(r.domainGuid(), ""))).toList();
        });
    }

    public RouteDetails get(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> details(access.readable(perms, guid).route()));
    }

    public RouteDetails update(Permissions perms, String guid, RouteCommands.Update cmd) {
        return c.tx().inTransaction(() -> {
            Route route = access.manageable(perms, guid).route();
            Instant now = c.now();
            Route updated = route;
            if (cmd.options() != null) {
                Map<String, Object> merged = new LinkedHashMap<>(route.options() == null ? Map.of()
                        : route.options());
                merged.putAll(cmd.options());
                Map<String, String> options = RouteOptions.normalize(merged);
                String problem = RouteOptions.hashHeaderProblem(options);
                if (problem != null) {
                    throw CfException.unprocessable(problem);
                }
                updated = route.withOptions(options, now);
            } else {
                updated = route.withOptions(route.options(), now);
            }
            c.routes().update(updated);
            updated = updated.withMetadata(c.metadata().apply(guid, "route", route.metadata(), cmd.metadata()));
            return details(updated);
        });
    }

    /** Starts the {@code route.delete} job after recording {@code audit.route.delete-request}. */
    public Job delete(Permissions perms, String guid) {
        return c.tx().inTransaction(() -> {
            RouteAccess.Located l = access.manageable(perms, guid);
            c.audit().record("audit.route.delete-request", perms.principal(), target(l.route()), l.space().guid(),
                    l.organization().guid(), Map.of("request", Map.of("recursive", true)));
            return c.jobs().enqueue(DELETE_JOB, "routes", guid);
        });
    }

    /** {@code DELETE /v3/spaces/:guid/routes?unmapped=true}: the space must be readable and its apps manageable. */
    public Job deleteUnmapped(Permissions perms, String spaceGuid) {
        return c.tx().inTransaction(() -> {
            Space space = c.spaces().find(spaceGuid)
                    .filter(s -> perms.canReadSpace(s.guid(), s.organizationGuid()))
                    .orElseThrow(() -> CfException.notFound("Space"));
            if (!perms.canManageApps(space.guid())) {
                throw CfException.notAuthorized();
            }
            Organization org = c.organizations().find(space.organizationGuid())
                    .orElseThrow(() -> CfException.notFound("Space"));
            RouteAccess.requireWritable(perms, space, org);
            return c.jobs().enqueue(DELETE_UNMAPPED_JOB, "space", space.guid());
        });
    }

    /** The spaces a route is shared with (flag {@code route_sharing}). */
    public List<String> sharedSpaces(Permissions perms, String guid) {
        c.flags().require("route_sharing");
        return c.tx().inTransaction(() -> c.routes().sharedSpaces(List.of(access.readable(perms, guid).route()
                .guid())).getOrDefault(guid, List.of()));
    }

    /** Flag, route (404), app managers (403), writable space, and only then the requested spaces (422). */
    public List<String> share(Permissions perms, String guid, java.util.function.Supplier<List<String>> request) {
        c.flags().require("route_sharing");
        return c.tx().inTransaction(() -> {
            RouteAccess.Located l = access.manageable(perms, guid);
            List<String> spaceGuids = request.get();
            RouteDetails d = details(l.route());
            List<String> wanted = spaceGuids.stream().distinct().toList();
            Map<String, Space> found = c.spaces().findAll(wanted).stream()
                    .collect(Collectors.toMap(Space::guid, Function.identity()));
            List<String> unreadable = new ArrayList<>();
            List<String> unwritable = new ArrayList<>();
            for (String g : wanted) {
                Space s = found.get(g);
                if (s == null || !perms.canReadSpace(s.guid(), s.organizationGuid())) {
                    unreadable.add(g);
                } else if (!perms.canWriteSpace(s.guid()) || !access.active(perms, s)) {
                    unwritable.add(g);
                }
            }
            List<String> messages = new ArrayList<>();
            if (!unreadable.isEmpty()) {
                messages.add("Unable to share route " + d.uri() + " with spaces " + quoted(unreadable)
                        + ". Ensure the spaces exist and that you have access to them.");
            }
            if (!unwritable.isEmpty()) {
                messages.add("Unable to share route " + d.uri() + " with spaces " + quoted(unwritable)
                        + ". Write permission is required in order to share a route with a space and the containing "
                        + "organization must not be suspended.");
            }
            if (!messages.isEmpty()) {
                throw CfException.unprocessable(String.join("\n", messages));
            }
            if (wanted.contains(l.space().guid())) {
                throw CfException.unprocessable("Unable to share route '" + d.uri() + "' with space '"
                        + l.space().guid() + "'. Routes cannot be shared into the space where they were created.");
            }
            List<String> current = c.routes().sharedSpaces(List.of(guid)).getOrDefault(guid, List.of());
            for (String g : wanted) {
                if (!current.contains(g)) {
                    c.routes().share(guid, g);
                }
            }
            c.audit().record("audit.route.share", perms.principal(), target(l.route()), l.space().guid(),
                    l.organization().guid(), Map.of("target_space_guids", wanted));
            return c.routes().sharedSpaces(List.of(guid)).getOrDefault(guid, List.of());
        });
    }

    public void unshare(Permissions perms, String guid, String spaceGuid) {
        c.flags().require("route_sharing");
        c.tx().run(() -> {
            RouteAccess.Located l = access.manageable(perms, guid);
            RouteDetails d = details(l.route());
            String problem = targetProblem(perms, spaceGuid);
            if (problem != null) {
                throw CfException.unprocessable("Unable to unshare route '" + d.uri() + "' from space '" + spaceGuid
                        + "'. " + problem);
            }
            if (spaceGuid.equals(l.space().guid())) {
                throw CfException.unprocessable("Unable to unshare route '" + d.uri() + "' from space '"
                        + l.space().guid() + "'. Routes cannot be removed from the space that owns them.");
            }
            c.routes().unshare(guid, spaceGuid);
            c.audit().record("audit.route.unshare", perms.principal(), target(l.route()), l.space().guid(),
                    l.organization().guid(), Map.of("target_space_guid", spaceGuid));
        });
    }

    /** {@code PATCH /v3/routes/:guid/relationships/space}: space developers move a route to another space. */
    public void transfer(Permissions perms, String guid, java.util.function.Supplier<String> request) {
        c.flags().require("route_sharing");
        String spaceGuid = request.get();
        c.tx().run(() -> {
            RouteAccess.Located l = access.readable(perms, guid);
            if (!perms.canWriteSpace(l.space().guid())) {
                throw CfException.notAuthorized();
            }
            RouteAccess.requireWritable(perms, l.space(), l.organization());
            RouteDetails d = details(l.route());
            String prefix = "Unable to transfer owner of route '" + d.uri() + "' to space '" + spaceGuid + "'. ";
            String problem = targetProblem(perms, spaceGuid);
            if (problem != null) {
                throw CfException.unprocessable(prefix + problem);
            }
            Space target = c.spaces().find(spaceGuid).orElseThrow();
            if (!d.domain().usableBy(target.organizationGuid())) {
                throw CfException.unprocessable(prefix + "Target space does not have access to route's domain");
            }
            if (target.guid().equals(l.space().guid())) {
                return;
            }
            c.routes().update(l.route().withSpace(target.guid(), c.now()));
            c.routes().unshare(guid, target.guid());
            c.routes().share(guid, l.space().guid());
            c.audit().record("audit.route.transfer-owner", perms.principal(), target(l.route()), l.space().guid(),
                    l.organization().guid(), Map.of("target_space_guid", target.guid()));
        });
    }

    /** The reference's check_if_space_is_accessible: null when the target space may receive the route. */
    private String targetProblem(Permissions perms, String spaceGuid) {
        Space s = c.spaces().find(spaceGuid).orElse(null);
        if (s == null || !perms.canReadSpace(s.guid(), s.organizationGuid())) {
            return "Ensure the space exists and that you have access to it.";
        }
        if (!perms.canManageApps(s.guid())) {
            return "You don't have write permission for the target space.";
        }
        if (!access.active(perms, s)) {
            return "The target organization or space is suspended.";
        }
        return null;
    }

    /** The spaces of these routes ({@code include=space}): one query. */
    public List<Space> spacesOf(List<RouteDetails> routes) {
        return c.tx().inTransaction(() -> c.spaces().findAll(
                routes.stream().map(r -> r.route().spaceGuid()).distinct().toList()));
    }

    /** The organizations of these spaces ({@code include=space.organization}): one query. */
    public List<Organization> organizationsOf(List<Space> spaces) {
        return c.tx().inTransaction(() -> c.organizations().findAll(
                spaces.stream().map(Space::organizationGuid).distinct().toList()));
    }

    /** The domains of these routes ({@code include=domain}, shared organizations the principal sees): one query. */
    public List<Domain> domainsOf(Permissions perms, List<RouteDetails> routes) {
        return c.tx().inTransaction(() -> c.domains().findAll(routes.stream().map(r -> r.domain().guid())
                .distinct().toList())).stream().map(d -> dev.capi.domain.domains.Domains.presentable(perms, d))
                .toList();
    }

    RouteDetails details(Route route) {
        return details(new Page<>(List.of(route), 1)).resources().get(0);
    }

    /** Attaches domains and destinations to a page: one query each. */
    Page<RouteDetails> details(Page<Route> page) {
        List<Route> routes = page.resources();
        if (routes.isEmpty()) {
            return new Page<>(List.of(), page.totalResults());
        }
        Map<String, Domain> domains = c.domains().findAllPlain(routes.stream().map(Route::domainGuid).distinct().toList())
                .stream().collect(Collectors.toMap(Domain::guid, Function.identity()));
        Map<String, List<RouteDestination>> destinations = c.destinations()
                .forRoutes(routes.stream().map(Route::guid).toList()).stream()
                .collect(Collectors.groupingBy(RouteDestination::routeGuid));
        return page.map(r -> new RouteDetails(r, domains.get(r.domainGuid()),
                destinations.getOrDefault(r.guid(), List.of())));
    }

    static AuditEvent.Target target(Route route) {
        return new AuditEvent.Target(route.guid(), "route", route.host());
    }

    private static String quoted(List<String> guids) {
        return "[" + guids.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", ")) + "]";
    }
}
