package dev.capi.domain.manifests;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.domains.Domains;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.routes.RouteCommands;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteDetails;
import dev.capi.domain.routes.Routes;
import dev.capi.model.App;
import dev.capi.model.Domain;
import dev.capi.model.RouteDestination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A manifest's {@code routes}, {@code no-route}, {@code random-route} and {@code default-route}, as the reference
 * applies them: {@code no-route} unmaps every route; {@code routes} finds or creates each route (the first
 * host/domain split whose domain exists) and maps the app's web process to it; otherwise an app without routes gets
 * a random or default route on its organization's default domain.
 */
public final class ManifestRoutes {
    private static final List<String> ADJECTIVES = List.of("brave", "calm", "eager", "fancy", "gentle", "happy",
            "jolly", "kind", "lively", "nice", "proud", "silly", "tidy", "witty", "zany", "bright");
    private static final List<String> NOUNS = List.of("otter", "panda", "koala", "lynx", "badger", "heron",
            "gecko", "llama", "bison", "whale", "crane", "tiger", "zebra", "moose", "raven", "wombat");

    private final Routes routes;
    private final RouteCreate routeCreate;
    private final RouteDestinations destinations;
    private final Domains domains;
    private final RandomGenerator random;

    public ManifestRoutes(Routes routes, RouteCreate routeCreate, RouteDestinations destinations, Domains domains,
                          RandomGenerator random) {
        this.routes = routes;
        this.routeCreate = routeCreate;
        this.destinations = destinations;
        this.domains = domains;
        this.random = random;
    }

    public void apply(Permissions perms, App app, AppManifest m) {
        List<RouteDetails> mapped = routes.listForApp(perms, app.guid(), ListQuery.all()).resources();
        if (Boolean.TRUE.equals(m.noRoute())) {
            for (RouteDetails d : mapped) {
                for (RouteDestination dest : d.destinations()) {
                    if (dest.appGuid().equals(app.guid())) {
                        destinations.remove(perms, d.route().guid(), dest.guid());
                    }
                }
            }
            return;
        }
        if (m.routes() != null) {
            List<RouteDetails> resolved = new ArrayList<>();
            for (AppManifest.RouteEntry entry : m.routes()) {
                try {
                    resolved.add(findOrCreate(perms, app, entry.route()));
                } catch (CfException e) {
                    throw CfException.unprocessable("For route '" + entry.route() + "': " + e.detail());
                }
            }
            for (int i = 0; i < resolved.size(); i++) {
                map(perms, app, resolved.get(i), m.routes().get(i).protocol());
            }
            return;
        }
        if (!mapped.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(m.randomRoute())) {
            String host = app.name() + "-" + ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-"
                    + NOUNS.get(random.nextInt(NOUNS.size()));
            map(perms, app, create(perms, app, host, "", null, defaultDomain(perms, app)), null);
        } else if (Boolean.TRUE.equals(m.defaultRoute())) {
            if (app.name().length() > 63) {
                throw CfException.unprocessable(
                        "Failed to create default route from app name: Host cannot exceed 63 characters");
            }
            if (!app.name().matches("[\\w-]+")) {
                throw CfException.unprocessable("Failed to create default route from app name: Host must be either "
                        + "\"*\" or contain only alphanumeric characters, \"_\", or \"-\"");
            }
            map(perms, app, create(perms, app, app.name(), "", null, defaultDomain(perms, app)), null);
        }
    }

    private Domain defaultDomain(Permissions perms, App app) {
        try {
            return domains.defaultDomain(perms, app.organizationGuid());
        } catch (CfException e) {
            throw CfException.unprocessable("No default domains available");
        }
    }

    private void map(Permissions perms, App app, RouteDetails route, String protocol) {
        boolean already = route.destinations().stream().anyMatch(d -> d.appGuid().equals(app.guid())
                && d.processType().equals("web") && (protocol == null || protocol.equals(d.protocol())));
        if (!already) {
            destinations.insert(perms, route.route().guid(),
                    List.of(new RouteCommands.Destination(app.guid(), "web", null, null, protocol)));
        }
    }

    /** The route the manifest names: an existing one (in the app's space) or a new one; 422 when no domain fits. */
    private RouteDetails findOrCreate(Permissions perms, App app, String route) {
        ParsedRoute parsed = ParsedRoute.parse(route);
        for (ParsedRoute.Candidate c : parsed.candidates()) {
            Optional<Domain> domain = domains.findByName(c.domain());
            if (domain.isEmpty()) {
                continue;
            }
            Optional<RouteDetails> existing = routes.list(perms, ListQuery.all()
                    .withFilter("domain_guids", List.of(domain.get().guid()))
                    .withFilter("hosts", List.of(c.host())).withFilter("paths", List.of(parsed.path()))
                    .withFilter("ports", List.of(parsed.port() == null ? "" : parsed.port().toString())))
                    .resources().stream().findFirst();
            if (existing.isPresent()) {
                if (!existing.get().route().spaceGuid().equals(app.spaceGuid())) {
                    throw CfException.unprocessable("Routes cannot be mapped to destinations in different spaces");
                }
                return existing.get();
            }
            return create(perms, app, c.host(), parsed.path(), parsed.port(), domain.get());
        }
        throw CfException.unprocessable("No domains exist for route " + route);
    }

    private RouteDetails create(Permissions perms, App app, String host, String path, Integer port, Domain domain) {
        return routeCreate.create(perms, () -> new RouteCommands.Create(host, path, port, port != null,
                app.spaceGuid(), domain.guid(), null, null, Map.of("host", host)));
    }
}
