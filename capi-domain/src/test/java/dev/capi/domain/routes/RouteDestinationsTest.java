package dev.capi.domain.routes;

import dev.capi.domain.domains.DomainCommands;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.RoutingFixture;
import dev.capi.model.Domain;
import dev.capi.model.FeatureFlag;
import dev.capi.model.RouteDestination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Destinations against a fake app lookup: two buildpack apps and a docker app in the route's space. */
class RouteDestinationsTest {
    private final RoutingFixture f = new RoutingFixture();
    private String route;

    @BeforeEach
    void setUp() {
        Domain d = f.domains.create(f.admin(), new DomainCommands.Create("mine.example.com", false, null, "org",
                List.of(), false, null, null));
        route = f.routeCreate.create(f.admin(), () -> new RouteCommands.Create("shop", null, null, false, "space",
                d.guid(), null, null, Map.of())).route().guid();
        f.apps.add("app1", "one", "space", false).add("app2", "two", "space", false)
                .add("docker", "d", "space", true).add("far", "far", "elsewhere", false);
    }

    private static RouteCommands.Destination to(String app) {
        return new RouteCommands.Destination(app, null, null, null, null);
    }

    private String detail(Runnable r) {
        try {
            r.run();
        } catch (CfException e) {
            return e.detail();
        }
        return "no error";
    }

    @Test
    void insertMapsAppsWithTheReferenceDefaultsAndRecordsMapRoute() {
        RouteDetails d = f.destinations.insert(f.as("dev"), route, List.of(to("app1"), to("docker")));
        assertThat(d.destinations()).hasSize(2);
        RouteDestination app1 = d.destinations().stream().filter(x -> x.appGuid().equals("app1")).findFirst()
                .orElseThrow();
        assertThat(app1.processType()).isEqualTo("web");
        assertThat(app1.appPort()).isEqualTo(8080);
        assertThat(RouteDestinations.protocol(d, app1)).isEqualTo("http1");
        RouteDestination docker = d.destinations().stream().filter(x -> x.appGuid().equals("docker")).findFirst()
                .orElseThrow();
        assertThat(docker.appPort()).isEqualTo(-1);
        assertThat(RouteDestinations.presentedPort(docker)).isEqualTo(8080);
        var events = f.events("audit.app.map-route");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).target().type()).isEqualTo("app");
        assertThat(events.get(0).data()).containsEntry("route_guid", route).containsEntry("process_type", "web");
        f.destinations.insert(f.as("dev"), route, List.of(to("app1")));
        assertThat(f.destinationRows.size()).as("inserting an existing destination is a no-op").isEqualTo(2);
    }

    @Test
    void replaceAddsAndRemovesAndRecordsBoth() {
        f.destinations.insert(f.admin(), route, List.of(to("app1")));
        RouteDetails d = f.destinations.replace(f.admin(), route, List.of(
                new RouteCommands.Destination("app2", null, null, 60, null),
                new RouteCommands.Destination("app1", "worker", 9000, 40, "http2")));
        assertThat(d.destinations()).extracting(RouteDestination::appGuid).containsExactlyInAnyOrder("app2", "app1");
        assertThat(d.destinations()).extracting(RouteDestination::weight).containsExactlyInAnyOrder(60, 40);
        assertThat(f.events("audit.app.unmap-route")).hasSize(1);
        assertThat(f.events("audit.app.map-route")).hasSize(3);
        assertThat(detail(() -> f.destinations.insert(f.admin(), route, List.of(to("app1"))))).isEqualTo(
                "Destinations cannot be inserted when there are weighted destinations already configured.");
        String weighted = d.destinations().get(0).guid();
        assertThat(detail(() -> f.destinations.remove(f.admin(), route, weighted)))
                .isEqualTo("Weighted destinations cannot be deleted individually.");
        assertThat(f.destinations.replace(f.admin(), route, List.of()).destinations()).isEmpty();
    }

    @Test
    void refusesUnknownInvisibleAndFarAwayApps() {
        assertThat(detail(() -> f.destinations.insert(f.admin(), route, List.of(to("nope"), to("gone")))))
                .isEqualTo("App(s) with guid(s) \"nope\", \"gone\" do not exist.");
        assertThat(detail(() -> f.destinations.insert(f.admin(), route, List.of(to("far")))))
                .isEqualTo("Routes destinations must be in either the route's space or the route's shared spaces");
        assertThat(detail(() -> f.destinations.insert(f.as("dev"), route, List.of(to("far")))))
                .isEqualTo("App(s) with guid(s) \"far\" you do not have access.");
        assertThat(f.destinationRows.size()).isZero();
    }

    @Test
    void appsOfSharedSpacesMayBeMapped() {
        f.flagRows.save(new FeatureFlag("route_sharing", true, null, f.clock.instant()));
        f.routes.share(f.admin(), route, () -> List.of("elsewhere"));
        assertThat(f.destinations.insert(f.admin(), route, List.of(to("far"))).destinations()).hasSize(1);
    }

    @Test
    void protocolsMustMatchTheRoute() {
        assertThat(detail(() -> f.destinations.insert(f.admin(), route, List.of(
                new RouteCommands.Destination("app1", null, null, null, "tcp")))))
                .isEqualTo("Cannot use 'tcp' protocol for http routes; valid options are: [http1, http2].");
        String guid = f.destinations.insert(f.admin(), route, List.of(to("app1"))).destinations().get(0).guid();
        assertThat(detail(() -> f.destinations.insert(f.admin(), route, List.of(
                new RouteCommands.Destination("app1", null, null, null, "http2"))))).isEqualTo("Cannot add "
                + "destination with protocol: http2. Destination already exists for route: shop.mine.example.com, "
                + "app: app1, process: web, and protocol: http1.");
        RouteDetails updated = f.destinations.updateProtocol(f.admin(), route, guid, "http2");
        assertThat(RouteDestinations.protocol(updated, updated.destinations().get(0))).isEqualTo("http2");
        assertThat(detail(() -> f.destinations.updateProtocol(f.admin(), route, guid, "tcp"))).isEqualTo(
                "Destination protocol must be 'http1' or 'http2' if the parent route's protocol is 'http'");
    }

    @Test
    void removeUnmapsAndRecordsTheEvent() {
        String guid = f.destinations.insert(f.admin(), route, List.of(to("app1"))).destinations().get(0).guid();
        assertThat(detail(() -> f.destinations.remove(f.admin(), route, "nope"))).isEqualTo(
                "Unable to unmap route from destination. Ensure the route has a destination with this guid.");
        f.destinations.remove(f.as("dev"), route, guid);
        assertThat(f.destinationRows.size()).isZero();
        assertThat(f.events("audit.app.unmap-route")).hasSize(1);
    }

    @Test
    void unmappedRoutesAreRemovedByTheJobAndMappedOnesStay() {
        f.destinations.insert(f.admin(), route, List.of(to("app1")));
        Domain d = f.domainRows.findByNames(List.of("mine.example.com")).get(0);
        String lonely = f.routeCreate.create(f.admin(), () -> new RouteCommands.Create("lonely", null, null, false,
                "space", d.guid(), null, null, Map.of())).route().guid();
        var job = f.routes.deleteUnmapped(f.as("dev"), "space");
        f.removal.unmappedDeletion().perform(job);
        assertThat(f.routeRows.find(lonely)).isEmpty();
        assertThat(f.routeRows.find(route)).isPresent();
        f.removal.deleteAppDestinations("app1");
        assertThat(f.destinationRows.size()).isZero();
    }
}
