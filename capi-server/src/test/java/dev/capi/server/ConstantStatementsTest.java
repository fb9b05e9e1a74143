package dev.capi.server;

import dev.capi.domain.assembly.DomainAssembly;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.isolationsegments.IsolationSegmentCommands;
import dev.capi.domain.organizations.OrganizationCommands;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.quotas.QuotaCommands;
import dev.capi.domain.roles.RoleCommands;
import dev.capi.domain.securitygroups.SecurityGroupCommands;
import dev.capi.domain.spaces.SpaceCommands;
import dev.capi.model.MetadataUpdate;
import dev.capi.model.RoleType;
import dev.capi.persistence.Database;
import dev.capi.persistence.support.StatementCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists cost a constant number of SQL statements whatever the page size and with includes: the same count for a
 * page of 2 and a page of 12, as admin and as a user whose visibility is a subquery.
 */
class ConstantStatementsTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path blobs;

    static Database database;
    static CloudController cc;
    static DomainAssembly domain;
    static Permissions admin;
    static Permissions user;

    @BeforeAll
    static void seed() {
        database = Database.open("jdbc:h2:mem:stmts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        cc = CloudController.builder().database(database).blobDirectory(blobs).tokenVerifier(t -> {
            throw new IllegalStateException("not used");
        }).build();
        domain = cc.domain();
        admin = domain.orgsAndSpaces().permissions().of(new Principal("admin", "admin", "uaa", "cf",
                Set.of(Principal.ADMIN, Principal.READ, Principal.WRITE)));
        Principal userPrincipal = new Principal("user-1", "user-1", "uaa", "cf", Set.of(Principal.READ));
        domain.orgsAndSpaces().userRegistry().ensure(userPrincipal);
        var labels = new MetadataUpdate(Map.of("env", "prod"), Map.of("note", "x"));
        for (int i = 0; i < 12; i++) {
            var org = domain.orgsAndSpaces().organizations().create(admin, new OrganizationCommands.Create("org-" + i, null, labels));
            var space = domain.orgsAndSpaces().spaces().create(admin, new SpaceCommands.Create("space", org.guid(), labels));
            domain.orgsAndSpaces().roleCreate().create(admin, new RoleCommands.Create(RoleType.ORGANIZATION_USER, "user-1", null,
                    null, org.guid(), null, null));
            domain.orgsAndSpaces().roleCreate().create(admin, new RoleCommands.Create(RoleType.SPACE_DEVELOPER, "user-1", null,
                    null, null, space.guid(), null));
        }
        user = domain.orgsAndSpaces().permissions().of(userPrincipal);
        var orgs = domain.orgsAndSpaces().organizations().list(admin, ListQuery.all()).resources();
        for (int i = 0; i < 12; i++) {
            var org = orgs.get(i).guid();
            domain.platform().organizationQuotas().create(admin, () -> new QuotaCommands.CreateOrganizationQuota(
                    UUID.randomUUID().toString(), QuotaCommands.LimitChanges.none(), List.of(org), Map.of()));
            var space = domain.orgsAndSpaces().spaces().list(admin, ListQuery.all().withFilter("organization_guids", List.of(org)))
                    .resources().get(0).guid();
            domain.platform().spaceQuotas().create(admin, () -> new QuotaCommands.CreateSpaceQuota("sq",
                    org, QuotaCommands.LimitChanges.none(), List.of(space), Map.of()));
            var segment = domain.platform().isolationSegments().create(admin,
                    new IsolationSegmentCommands.Create("segment-" + i, labels));
            domain.platform().isolationSegmentEntitlements().entitle(admin, segment.guid(), List.of(org));
            domain.platform().securityGroups().create(admin, new SecurityGroupCommands.Create("group-" + i, List.of(), null,
                    null, List.of(space), List.of(space)));
            var privateDomain = domain.routing().domains().create(admin, new dev.capi.domain.domains.DomainCommands.Create(
                    "d" + i + ".example.com", false, null, org, List.of(), false, null, labels));
            var route = new dev.capi.domain.routes.RouteCommands.Create("h" + i, null, null, false, space,
                    privateDomain.guid(), null, labels, Map.of());
            var created = domain.routing().routeCreate().create(admin, () -> route);
            var instance = domain.serviceInstances().userProvided().create(admin,
                    new dev.capi.domain.serviceinstances.ServiceInstanceCommands.CreateUserProvided("ups-" + i, space,
                            List.of("t"), Map.of("user", "u"), null, "https://rs" + i + ".example.com", labels,
                            Map.of()));
            var app = domain.apps().apps().create(admin, new dev.capi.domain.apps.AppCommands.Create("app-" + i,
                    space, null, null, null));
            domain.serviceBindings().credentialBindingCreate().create(admin,
                    new dev.capi.domain.servicebindings.BindingCommands.CreateCredential("app", null, instance.guid(),
                            app.guid(), null, null, null, Map.of()));
            domain.serviceBindings().routeBindings().create(admin,
                    new dev.capi.domain.servicebindings.BindingCommands.CreateRoute(instance.guid(),
                            created.route().guid(), null, null, Map.of()));
        }
    }

    @AfterAll
    static void close() {
        cc.close();
        database.close();
    }

    private static ListQuery page(int perPage) {
        return new ListQuery(1, perPage, new OrderBy("created_at", false, true), Map.of(), List.of(), null,
                Visibility.everything());
    }

    private static int statements(Supplier<?> call) {
        StatementCounter.reset();
        call.get();
        return StatementCounter.current();
    }

    private static void assertConstant(String what, java.util.function.IntFunction<?> listWithPageSize) {
        int small = statements(() -> listWithPageSize.apply(2));
        int large = statements(() -> listWithPageSize.apply(12));
        assertThat(large).as(what + ": statements for 12 rows vs 2 rows").isEqualTo(small);
        assertThat(small).as(what).isLessThanOrEqualTo(10);
    }

    @Test
    void organizationListsAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("organizations", n -> domain.orgsAndSpaces().organizations().list(p, page(n)));
        }
    }

    @Test
    void spaceListsWithIncludedOrganizationsAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("spaces", n -> domain.orgsAndSpaces().spaces().organizationsOf(domain.orgsAndSpaces().spaces().list(p, page(n))
                    .resources()));
        }
    }

    @Test
    void roleListsWithEveryIncludeAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("roles", n -> domain.orgsAndSpaces().roles().related(domain.orgsAndSpaces().roles().list(p, page(n)).resources(),
                    Set.of("user", "organization", "space")));
        }
    }

    @Test
    void userAndAuditEventListsAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("users", n -> domain.orgsAndSpaces().users().list(p, page(n)));
            assertConstant("audit events", n -> domain.foundation().auditEventQueries().list(p, page(n)));
        }
    }

    @Test
    void quotaListsWithTheirOrganizationsAndSpacesAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("organization quotas", n -> domain.platform().organizationQuotas().list(p, page(n)));
            assertConstant("space quotas", n -> domain.platform().spaceQuotas().list(p, page(n)));
        }
    }

    @Test
    void isolationSegmentAndSecurityGroupListsAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            assertConstant("isolation segments", n -> domain.platform().isolationSegments().list(p, page(n)));
            domain.platform().securityGroups().list(p, page(1)); // loads the user's roles once (bound spaces it may read)
            assertConstant("security groups", n -> domain.platform().securityGroups().list(p, page(n)));
        }
    }

    @Test
    void serviceInstanceListsWithTheirPlansSpacesAndOrganizationsAreConstant() {
        var instances = domain.serviceInstances().serviceInstances();
        for (Permissions p : List.of(admin, user)) {
            assertConstant("service instances with plans, spaces and organizations", n -> {
                var page = instances.list(p, page(n)).resources();
                instances.plansOf(page);
                return instances.organizationNames(instances.spacesOf(page).values());
            });
        }
    }

    @Test
    void bindingListsWithEveryIncludeAreConstant() {
        var credentials = domain.serviceBindings().credentialBindings();
        var routeBindings = domain.serviceBindings().routeBindings();
        var instances = domain.serviceInstances().serviceInstances();
        for (Permissions p : List.of(admin, user)) {
            assertConstant("credential bindings with app and service_instance", n -> {
                var page = credentials.list(p, page(n)).resources();
                credentials.appsOf(page);
                var found = instances.byGuids(page.stream().map(b -> b.serviceInstanceGuid()).toList());
                return instances.plansOf(found);
            });
            assertConstant("route bindings with route and service_instance", n -> {
                var page = routeBindings.list(p, page(n)).resources();
                domain.routing().routes().list(p, ListQuery.all().withFilter("guids",
                        page.stream().map(b -> b.routeGuid()).toList()));
                return instances.byGuids(page.stream().map(b -> b.serviceInstanceGuid()).toList());
            });
        }
    }

    @Test
    void domainAndRouteListsWithTheirIncludesAreConstant() {
        for (Permissions p : List.of(admin, user)) {
            domain.routing().domains().list(p, page(1)); // loads the user's roles once (shared organizations it may read)
            assertConstant("domains", n -> domain.routing().domains().list(p, page(n)));
            assertConstant("routes with space.organization", n -> {
                var routes = domain.routing().routes().list(p, page(n)).resources();
                return domain.routing().routes().organizationsOf(domain.routing().routes().spacesOf(routes));
            });
            assertConstant("routes with domain", n -> domain.routing().routes().domainsOf(p,
                    domain.routing().routes().list(p, page(n)).resources()));
        }
    }
}
