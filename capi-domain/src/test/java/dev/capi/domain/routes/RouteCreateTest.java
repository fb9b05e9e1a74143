package dev.capi.domain.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.domains.DomainCommands;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.RoutingFixture;
import dev.capi.model.Domain;
import dev.capi.model.FeatureFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteCreateTest {
    private final RoutingFixture f = new RoutingFixture();
    private Domain priv;
    private Domain shared;
    private Domain tcp;

    @BeforeEach
    void setUp() {
        priv = f.domains.create(f.admin(), new DomainCommands.Create("mine.example.com", false, null, "org",
                List.of(), false, null, null));
        shared = f.domains.create(f.admin(), new DomainCommands.Create("apps.example.com", false, null, null,
                List.of(), false, null, null));
        tcp = f.domains.create(f.admin(), new DomainCommands.Create("tcp.example.com", false,
                RouterGroups.DEFAULT_TCP_GUID, null, List.of(), false, null, null));
    }

    private RouteDetails create(Permissions perms, String host, String path, Integer port, Domain domain) {
        return f.routeCreate.create(perms, () -> new RouteCommands.Create(host, path, port, port != null, "space",
                domain.guid(), null, null, Map.of()));
    }

    private String detail(Runnable r) {
        int before = f.routeRows.size();
        try {
            r.run();
        } catch (CfException e) {
            assertThat(f.routeRows.size()).as("nothing changed").isEqualTo(before);
            return e.detail();
        }
        return "no error";
    }

    @Test
    void spaceDevelopersCreateRoutesAndTheEventIsRecorded() {
        RouteDetails d = create(f.as("dev"), "shop", "/cart", null, priv);
        assertThat(d.route().url("mine.example.com")).isEqualTo("shop.mine.example.com/cart");
        assertThat(f.events("audit.route.create")).hasSize(1);
        assertThat(f.events("audit.route.create").get(0).spaceGuid()).isEqualTo("space");
        assertThat(f.quotaChecks).isEqualTo(1);
    }

    @Test
    void whoeverCannotManageAppsInTheSpaceGets403EvenWithoutMembership() {
        assertThat(detail(() -> create(f.as("aud"), "a", null, null, priv)))
                .isEqualTo("You are not authorized to perform the requested action");
        assertThat(detail(() -> create(f.as("stranger"), "a", null, null, priv)))
                .isEqualTo("You are not authorized to perform the requested action");
    }

    @Test
    void theFlagComesBeforeEverythingElseForNonAdmins() {
        f.flagRows.save(new FeatureFlag("route_creation", false, null, f.clock.instant()));
        assertThat(detail(() -> f.routeCreate.create(f.as("dev"), () -> {
            throw new AssertionError("message parsed before the flag check");
        }))).isEqualTo("Feature Disabled: route_creation");
        assertThat(create(f.admin(), "a", null, null, priv).route().host()).isEqualTo("a");
    }

    @Test
    void duplicatesGetTheReferenceTexts() {
        create(f.admin(), "h", null, null, priv);
        create(f.admin(), "", null, null, priv);
        create(f.admin(), "h", "/p", null, priv);
        assertThat(detail(() -> create(f.admin(), "h", null, null, priv)))
                .isEqualTo("Route already exists with host 'h' for domain 'mine.example.com'.");
        assertThat(detail(() -> create(f.admin(), "", null, null, priv)))
                .isEqualTo("Route already exists for domain 'mine.example.com'.");
        assertThat(detail(() -> create(f.admin(), "h", "/p", null, priv)))
                .isEqualTo("Route already exists with host 'h' and path '/p' for domain 'mine.example.com'.");
    }

    @Test
    void sharedDomainsNeedHostsAndWildcardsAreForAdmins() {
        assertThat(detail(() -> create(f.admin(), null, null, null, shared)))
                .isEqualTo("Missing host. Routes in shared domains must have a host defined.");
        assertThat(detail(() -> create(f.as("dev"), "*", null, null, shared))).isEqualTo("You do not have "
                + "sufficient permissions to create a route with a wildcard host on a domain not scoped to an "
                + "organization.");
        assertThat(create(f.admin(), "*", null, null, shared).route().host()).isEqualTo("*");
        assertThat(create(f.as("dev"), "*", null, null, priv).route().host()).isEqualTo("*");
    }

    @Test
    void domainsOfOtherOrganizationsAreRefused() {
        Domain theirs = f.domains.create(f.admin(), new DomainCommands.Create("theirs.example.com", false, null,
                "other", List.of(), false, null, null));
        assertThat(detail(() -> create(f.admin(), "a", null, null, theirs)))
                .isEqualTo("Invalid domain. Domain 'theirs.example.com' is not available in organization 'Org'.");
    }

    @Test
    void httpRoutesRefusePortsAndTcpRoutesHostsAndPaths() {
        assertThat(detail(() -> create(f.admin(), "a", null, 8080, priv)))
                .isEqualTo("Routes with protocol 'http' do not support ports.");
        assertThat(detail(() -> create(f.admin(), "a", null, 1025, tcp)))
                .isEqualTo("Hosts are not supported for TCP routes.");
        assertThat(detail(() -> create(f.admin(), null, "/p", 1025, tcp)))
                .isEqualTo("Paths are not supported for TCP routes.");
        assertThat(detail(() -> create(f.admin(), null, null, 2000, tcp)))
                .isEqualTo("Port '2000' is not available. Try a different port or use a different domain.");
    }

    @Test
    void tcpRoutesGetRandomFreePortsUntilTheRangeIsExhausted() {
        for (int i = 0; i < 10; i++) {
            Integer port = create(f.admin(), null, null, null, tcp).route().port();
            assertThat(port).isBetween(1024, 1033);
        }
        assertThat(detail(() -> create(f.admin(), null, null, null, tcp)))
                .isEqualTo("There are no more ports available for this domain.");
        assertThat(detail(() -> create(f.admin(), null, null, 1024, tcp)))
                .isEqualTo("Route already exists with port '1024' for domain 'tcp.example.com'.");
    }

    @Test
    void pathsFollowTheModelRules() {
        assertThat(RouteCreate.pathProblem("h", "/ok/path")).isEmpty();
        assertThat(RouteCreate.pathProblem("h", "/a b")).contains("Path is invalid.");
        assertThat(RouteCreate.pathProblem("h", "/" + "a".repeat(128))).contains("Path exceeds 128 characters.");
    }

    @Test
    void quotasAreAskedAndCanRefuse() {
        f.refuseRoutes = true;
        assertThat(detail(() -> create(f.admin(), "q", null, null, priv)))
                .isEqualTo("Routes quota exceeded for organization 'Org'.");
    }

    @Test
    void hashLoadBalancingNeedsAHeader() {
        assertThat(detail(() -> f.routeCreate.create(f.admin(), () -> new RouteCommands.Create("h", null, null,
                false, "space", priv.guid(), Map.of("loadbalancing", "hash"), null, Map.of()))))
                .isEqualTo("Hash header must be present when loadbalancing is set to hash.");
    }
}
