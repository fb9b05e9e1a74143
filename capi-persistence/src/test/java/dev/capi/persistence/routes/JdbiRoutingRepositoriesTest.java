package dev.capi.persistence.routes;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Domain;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Route;
import dev.capi.model.RouteDestination;
import dev.capi.model.Space;
import dev.capi.domain.errors.CfException;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.domains.JdbiDomainRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domains, routes and destinations on H2 and PostgreSQL: filters, visibility through shares, uniqueness. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiRoutingRepositoriesTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiDomainRepository domains;
    private JdbiRouteRepository routes;
    private JdbiRouteDestinationRepository destinations;
    private JdbiRoleRepository roles;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        domains = new JdbiDomainRepository(jdbi, metadata);
        routes = new JdbiRouteRepository(jdbi, metadata);
        destinations = new JdbiRouteDestinationRepository(jdbi);
        roles = new JdbiRoleRepository(jdbi);
        var orgs = new JdbiOrganizationRepository(jdbi, metadata);
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        for (String o : List.of("o1", "o2")) {
            orgs.insert(new Organization(o, t0, t0, "org " + o, false, null, Metadata.empty()));
        }
        spaces.insert(new Space("s1", t0, t0, "one", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "two", "o2", false, true, null, null, Metadata.empty()));
        domains.insert(domain("shared", "apps.example.com", null, null));
        domains.insert(domain("p1", "one.example.com", "o1", null));
        domains.insert(domain("p2", "two.example.com", "o2", null));
        domains.insert(domain("tcp", "tcp.example.com", null, "rg"));
        domains.share("p2", "o1");
        routes.insert(route("r1", "shop", "", null, "shared", "s1"));
        routes.insert(route("r2", "", "/api", null, "p1", "s1"));
        routes.insert(route("r3", "blog", "", null, "p2", "s2"));
        routes.insert(route("r4", "", "", 1025, "tcp", "s2"));
        metadata.replace("r1", "route", new Metadata(Map.of("env", "prod"), Map.of()));
        destinations.insert(new RouteDestination("d1", t0, t0, "r1", "app1", "web", 8080, null, null));
        destinations.insert(new RouteDestination("d0", t0, t0, "r1", "app2", "worker", -1, 50, "http2"));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Domain domain(String guid, String name, String owner, String routerGroup) {
        return new Domain(guid, t0, t0, name, false, routerGroup, routerGroup == null ? null : "tcp", owner, false,
                null, List.of(), Metadata.empty());
    }

    private Route route(String guid, String host, String path, Integer port, String domain, String space) {
        return new Route(guid, t0, t0, host, path, port, domain, space, Map.of(), Metadata.empty());
    }

    private void grant(String user, RoleType type, String org, String space) {
        roles.insert(new Role(user + type + org + space, t0, t0, type, user, org, space));
    }

    private static ListQuery query(Map<String, List<String>> filters, Visibility v) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, v);
    }

    private static <T> List<String> guids(Page<T> page, java.util.function.Function<T, String> guid) {
        return page.resources().stream().map(guid).toList();
    }

    @Test
    void domainsCarryTheirSharesAndFilterByNameAndOwner() {
        assertThat(domains.find("p2").orElseThrow().sharedOrganizationGuids()).containsExactly("o1");
        assertThat(guids(domains.list(query(Map.of("names", List.of("one.example.com")), Visibility.everything())),
                Domain::guid)).containsExactly("p1");
        assertThat(guids(domains.list(query(Map.of("organization_guids", List.of("o2")), Visibility.everything())),
                Domain::guid)).containsExactly("p2");
        assertThat(guids(domains.list(query(Map.of("usable_in_organization", List.of("o1")),
                Visibility.everything())), Domain::guid)).containsExactly("shared", "p1", "p2", "tcp");
        assertThat(guids(domains.list(query(Map.of("usable_in_organization", List.of("")),
                Visibility.everything())), Domain::guid)).containsExactly("shared", "tcp");
    }

    @Test
    void privateDomainsAreVisibleThroughOwnedAndSharedOrganizations() {
        Visibility none = Visibility.of("u", Permissions.SPACE_READERS, Permissions.DOMAIN_ORG_READERS);
        assertThat(guids(domains.list(query(Map.of(), none)), Domain::guid)).containsExactly("shared", "tcp");
        grant("u", RoleType.ORGANIZATION_AUDITOR, "o1", null);
        assertThat(guids(domains.list(query(Map.of(), none)), Domain::guid))
                .containsExactly("shared", "p1", "p2", "tcp");
        grant("v", RoleType.ORGANIZATION_BILLING_MANAGER, "o2", null);
        Visibility billing = Visibility.of("v", Permissions.SPACE_READERS, Permissions.DOMAIN_ORG_READERS);
        assertThat(guids(domains.list(query(Map.of(), billing)), Domain::guid)).containsExactly("shared", "tcp");
        grant("w", RoleType.SPACE_SUPPORTER, "o2", "s2");
        Visibility supporter = Visibility.of("w", Permissions.SPACE_READERS, Permissions.DOMAIN_ORG_READERS);
        assertThat(guids(domains.list(query(Map.of(), supporter)), Domain::guid))
                .containsExactly("shared", "p2", "tcp");
    }

    @Test
    void domainLookupsForValidation() {
        assertThat(domains.findByNames(List.of("ONE.example.com", "nope.com"))).extracting(Domain::guid)
                .containsExactly("p1");
        assertThat(domains.subdomainOutside("example.com", "o1")).isPresent();
        assertThat(domains.subdomainOutside("one.example.com", "o1")).isEmpty();
        assertThat(domains.defaultFor("o1").orElseThrow().guid()).isEqualTo("shared");
        assertThat(domains.ownedBy("o1")).containsExactly("p1");
        domains.unshareAll("o1");
        assertThat(domains.find("p2").orElseThrow().sharedOrganizationGuids()).isEmpty();
    }

    @Test
    void routesFilterByEveryKey() {
        Visibility all = Visibility.everything();
        assertThat(guids(routes.list(query(Map.of("hosts", List.of("shop", "blog")), all)), Route::guid))
                .containsExactly("r1", "r3");
        assertThat(guids(routes.list(query(Map.of("hosts", List.of("")), all)), Route::guid))
                .containsExactly("r2", "r4");
        assertThat(guids(routes.list(query(Map.of("paths", List.of("/api")), all)), Route::guid))
                .containsExactly("r2");
        assertThat(guids(routes.list(query(Map.of("ports", List.of("1025")), all)), Route::guid))
                .containsExactly("r4");
        assertThat(guids(routes.list(query(Map.of("domain_guids", List.of("p1", "p2")), all)), Route::guid))
                .containsExactly("r2", "r3");
        assertThat(guids(routes.list(query(Map.of("organization_guids", List.of("o2")), all)), Route::guid))
                .containsExactly("r3", "r4");
        assertThat(guids(routes.list(query(Map.of("app_guids", List.of("app2")), all)), Route::guid))
                .containsExactly("r1");
        assertThat(guids(routes.list(query(Map.of("service_instance_guids", List.of("x")), all)), Route::guid))
                .isEmpty();
        routes.share("r3", "s1");
        assertThat(guids(routes.list(query(Map.of("space_guids", List.of("s1")), all)), Route::guid))
                .containsExactly("r1", "r2", "r3");
        var selected = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env=prod"), all);
        assertThat(guids(routes.list(selected), Route::guid)).containsExactly("r1");
        assertThat(routes.find("r1").orElseThrow().metadata().labels()).containsEntry("env", "prod");
    }

    @Test
    void routesAreVisibleThroughTheirSpaceTheirOrgAuditorsAndSharedSpaces() {
        Visibility dev = Visibility.of("d", Permissions.SPACE_READERS, Permissions.ROUTE_ORG_READERS);
        grant("d", RoleType.SPACE_DEVELOPER, "o1", "s1");
        assertThat(guids(routes.list(query(Map.of(), dev)), Route::guid)).containsExactly("r1", "r2");
        routes.share("r3", "s1");
        assertThat(guids(routes.list(query(Map.of(), dev)), Route::guid)).containsExactly("r1", "r2", "r3");
        Visibility auditor = Visibility.of("a", Permissions.SPACE_READERS, Permissions.ROUTE_ORG_READERS);
        grant("a", RoleType.ORGANIZATION_AUDITOR, "o2", null);
        assertThat(guids(routes.list(query(Map.of(), auditor)), Route::guid)).containsExactly("r3", "r4");
        Visibility billing = Visibility.of("b", Permissions.SPACE_READERS, Permissions.ROUTE_ORG_READERS);
        grant("b", RoleType.ORGANIZATION_BILLING_MANAGER, "o2", null);
        assertThat(guids(routes.list(query(Map.of(), billing)), Route::guid)).isEmpty();
    }

    @Test
    void routeQueriesForValidation() {
        assertThat(routes.exists("shared", "shop", "", null)).isTrue();
        assertThat(routes.exists("shared", "shop", "/x", null)).isFalse();
        assertThat(routes.exists("tcp", "", "", 1025)).isTrue();
        assertThat(routes.hostExistsUnder("APPS.example.com", "shop")).isTrue();
        assertThat(routes.hostTakenInOtherSpace("shared", "shop", "s2")).isTrue();
        assertThat(routes.hostTakenInOtherSpace("shared", "shop", "s1")).isFalse();
        assertThat(routes.portsInRouterGroup("rg")).containsExactly(1025);
        assertThat(routes.portTaken("rg", 1025)).isTrue();
        assertThat(routes.domainUsedInOrganization("p2", "o2")).isTrue();
        assertThat(routes.domainUsedInOrganization("p2", "o1")).isFalse();
        assertThat(routes.unmappedInSpace("s1")).containsExactly("r2");
        assertThat(routes.countInOrganization("o2", true)).isEqualTo(1);
        assertThat(routes.countInSpace("s1", false)).isEqualTo(2);
    }

    @Test
    void theAddressIsUniqueEvenUnderARace() {
        assertThatThrownBy(() -> routes.insert(route("dup", "shop", "", null, "shared", "s2")))
                .isInstanceOf(CfException.class);
        assertThat(routes.find("dup")).isEmpty();
    }

    @Test
    void destinationsAreListedByGuidAndKeepTheirFields() {
        List<RouteDestination> list = destinations.forRoutes(List.of("r1"));
        assertThat(list).extracting(RouteDestination::guid).containsExactly("d0", "d1");
        assertThat(list.get(0).weight()).isEqualTo(50);
        assertThat(list.get(0).appPort()).isEqualTo(-1);
        assertThat(list.get(0).protocol()).isEqualTo("http2");
        assertThat(list.get(1).weight()).isNull();
        destinations.updateProtocol(list.get(1).withProtocol("http2", t0.plusSeconds(1)));
        assertThat(destinations.find("d1").orElseThrow().protocol()).isEqualTo("http2");
        destinations.deleteForApp("app2");
        assertThat(destinations.forRoutes(List.of("r1"))).hasSize(1);
    }

    @Test
    void sharesAndUpdatesPersist() {
        routes.share("r1", "s2");
        assertThat(routes.sharedSpaces(List.of("r1", "r2"))).containsEntry("r1", List.of("s2"))
                .containsEntry("r2", List.of());
        Route moved = routes.find("r1").orElseThrow().withSpace("s2", t0.plusSeconds(5))
                .withOptions(Map.of("loadbalancing", "round-robin"), t0.plusSeconds(5));
        routes.update(moved);
        Route read = routes.find("r1").orElseThrow();
        assertThat(read.spaceGuid()).isEqualTo("s2");
        assertThat(read.options()).containsEntry("loadbalancing", "round-robin");
        assertThat(read.updatedAt()).isEqualTo(t0.plusSeconds(5));
        routes.unshareAllInto("s2");
        routes.delete("r1");
        assertThat(routes.find("r1")).isEmpty();
        assertThat(routes.sharedSpaces(List.of("r1")).get("r1")).isEmpty();
    }
}
