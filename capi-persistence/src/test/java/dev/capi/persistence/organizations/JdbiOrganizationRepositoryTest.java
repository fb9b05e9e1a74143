package dev.capi.persistence.organizations;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
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

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiOrganizationRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiOrganizationRepository orgs;
    private JdbiMetadataRepository metadata;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        metadata = new JdbiMetadataRepository(db.database().jdbi());
        orgs = new JdbiOrganizationRepository(db.database().jdbi(), metadata);
        roles = new JdbiRoleRepository(db.database().jdbi());
        insert("o1", "banana", t0, Map.of("env", "prod"));
        insert("o2", "apple", t0.plusSeconds(10), Map.of("env", "dev"));
        insert("o3", "cherry", t0.plusSeconds(20), Map.of());
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, String name, Instant at, Map<String, String> labels) {
        orgs.insert(new Organization(guid, at, at, name, false, null, Metadata.empty()));
        metadata.replace(guid, "organization", new Metadata(labels, Map.of("note", "x")));
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(dev.capi.domain.query.Page<Organization> page) {
        return page.resources().stream().map(Organization::guid).toList();
    }

    @Test
    void filtersTheOrganizationsEntitledToAnIsolationSegment() {
        String shared = "933b4c58-120b-499a-b85d-4b6fc9e2903b";
        db.database().jdbi().useHandle(h -> {
            for (String org : List.of("o1", "o3")) {
                h.execute("INSERT INTO organizations_isolation_segments (organization_guid, isolation_segment_guid)"
                        + " VALUES (?, ?)", org, shared);
            }
        });
        var entitled = orgs.list(query(Map.of(dev.capi.domain.organizations.OrganizationRepository.ENTITLED_TO,
                List.of(shared))));
        assertThat(guids(entitled)).containsExactly("o1", "o3");
        assertThat(entitled.totalResults()).isEqualTo(2);
        assertThat(guids(orgs.list(query(Map.of(dev.capi.domain.organizations.OrganizationRepository.ENTITLED_TO,
                List.of(shared), "names", List.of("cherry")))))).containsExactly("o3");
        assertThat(guids(orgs.list(query(Map.of(dev.capi.domain.organizations.OrganizationRepository.ENTITLED_TO,
                List.of("other")))))).isEmpty();
    }

    @Test
    void listsInCreationOrderWithMetadata() {
        var page = orgs.list(query(Map.of()));
        assertThat(guids(page)).containsExactly("o1", "o2", "o3");
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources().get(0).metadata().labels()).containsEntry("env", "prod");
        assertThat(page.resources().get(0).metadata().annotations()).containsEntry("note", "x");
    }

    @Test
    void filtersByNamesAndGuids() {
        assertThat(guids(orgs.list(query(Map.of("names", List.of("apple", "cherry")))))).containsExactly("o2", "o3");
        assertThat(guids(orgs.list(query(Map.of("guids", List.of("o1")))))).containsExactly("o1");
    }

    @Test
    void ordersByNameDescendingAndPaginatesWithTotal() {
        var q = new ListQuery(2, 1, new OrderBy("name", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        var page = orgs.list(q);
        assertThat(guids(page)).containsExactly("o1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void filtersByTimestampsWithRelationalOperators() {
        var gt = new ListQuery(1, 50, OrderBy.byId(), Map.of(),
                List.of(new TimestampFilter("created_at", TimestampFilter.Op.GT, List.of(t0))), null,
                Visibility.everything());
        assertThat(guids(orgs.list(gt))).containsExactly("o2", "o3");
        var eq = new ListQuery(1, 50, OrderBy.byId(), Map.of(),
                List.of(new TimestampFilter("created_at", TimestampFilter.Op.EQ, List.of(t0.plusSeconds(10)))), null,
                Visibility.everything());
        assertThat(guids(orgs.list(eq))).containsExactly("o2");
        var lte = new ListQuery(1, 50, OrderBy.byId(), Map.of(),
                List.of(new TimestampFilter("created_at", TimestampFilter.Op.LTE, List.of(t0.plusSeconds(10)))), null,
                Visibility.everything());
        assertThat(guids(orgs.list(lte))).containsExactly("o1", "o2");
    }

    @Test
    void filtersByLabelSelector() {
        var prod = LabelSelector.parse("env=prod");
        var notProd = LabelSelector.parse("env!=prod");
        var hasEnv = LabelSelector.parse("env");
        var in = LabelSelector.parse("env in (dev,qa)");
        assertThat(guids(orgs.list(withSelector(LabelSelector.parse("env="))))).isEmpty();
        assertThat(guids(orgs.list(withSelector(LabelSelector.parse("!env,env notin (x)"))))).containsExactly("o3");
        assertThat(guids(orgs.list(withSelector(prod)))).containsExactly("o1");
        assertThat(guids(orgs.list(withSelector(notProd)))).containsExactly("o2", "o3");
        assertThat(guids(orgs.list(withSelector(hasEnv)))).containsExactly("o1", "o2");
        assertThat(guids(orgs.list(withSelector(in)))).containsExactly("o2");
    }

    private static ListQuery withSelector(LabelSelector s) {
        return new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), s, Visibility.everything());
    }

    @Test
    void showsOnlyOrganizationsWhereTheUserHoldsARole() {
        roles.insert(new Role("r1", t0, t0, RoleType.ORGANIZATION_AUDITOR, "u1", "o2", null));
        roles.insert(new Role("r2", t0, t0, RoleType.SPACE_DEVELOPER, "u1", "o3", "s1"));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_AUDITOR));
        var q = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), null, visible);
        assertThat(guids(orgs.list(q))).containsExactly("o2", "o3");
        assertThat(guids(orgs.list(q.withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void transactionRollsBackEveryChangeOnFailure() {
        var tx = new JdbiTransactions(db.database().jdbi());
        assertThatThrownBy(() -> tx.run(() -> {
            orgs.insert(new Organization("o9", t0, t0, "rolled-back", false, null, Metadata.empty()));
            metadata.replace("o9", "organization", new Metadata(Map.of("a", "b"), Map.of()));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(orgs.find("o9")).isEmpty();
        assertThat(metadata.load("o9").labels()).isEmpty();
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        var tx = new JdbiTransactions(db.database().jdbi());
        assertThatThrownBy(() -> tx.run(() -> {
            tx.run(() -> orgs.insert(new Organization("o8", t0, t0, "inner", false, null, Metadata.empty())));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(orgs.find("o8")).isEmpty();
    }
}
