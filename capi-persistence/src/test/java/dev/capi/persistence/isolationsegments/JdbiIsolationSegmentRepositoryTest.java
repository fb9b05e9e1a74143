package dev.capi.persistence.isolationsegments;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.IsolationSegment;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
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

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiIsolationSegmentRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiIsolationSegmentRepository segments;
    private JdbiMetadataRepository metadata;
    private JdbiOrganizationRepository orgs;
    private JdbiSpaceRepository spaces;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        segments = new JdbiIsolationSegmentRepository(jdbi, metadata);
        orgs = new JdbiOrganizationRepository(jdbi, metadata);
        spaces = new JdbiSpaceRepository(jdbi, metadata);
        roles = new JdbiRoleRepository(jdbi);
        for (String org : List.of("o1", "o2")) {
            orgs.insert(new Organization(org, t0, t0, org + "-name", false, null, Metadata.empty()));
        }
        spaces.insert(new Space("s1", t0, t0, "dev", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "prod", "o1", false, true, null, null, Metadata.empty()));
        insert("i1", "banana", t0, Map.of("env", "prod"));
        insert("i2", "apple", t0.plusSeconds(10), Map.of());
        insert("i3", "cherry", t0.plusSeconds(20), Map.of("env", "dev"));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, String name, Instant at, Map<String, String> labels) {
        segments.insert(new IsolationSegment(guid, at, at, name, Metadata.empty()));
        metadata.replace(guid, "isolation_segment", new Metadata(labels, Map.of()));
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<IsolationSegment> page) {
        return page.resources().stream().map(IsolationSegment::guid).toList();
    }

    @Test
    void theSharedSegmentIsSeededWithItsFixedGuid() {
        var shared = segments.find(IsolationSegment.SHARED_GUID).orElseThrow();
        assertThat(shared.name()).isEqualTo("shared");
        assertThat(shared.isShared()).isTrue();
        assertThat(guids(segments.list(query(Map.of())))).containsExactly(IsolationSegment.SHARED_GUID, "i1", "i2",
                "i3");
    }

    @Test
    void findsWithMetadataAndUpdates() {
        assertThat(segments.find("i1").orElseThrow().metadata().labels()).containsEntry("env", "prod");
        segments.update(new IsolationSegment("i1", t0, t0.plusSeconds(99), "kiwi", Metadata.empty()));
        var updated = segments.find("i1").orElseThrow();
        assertThat(updated.name()).isEqualTo("kiwi");
        assertThat(updated.updatedAt()).isEqualTo(t0.plusSeconds(99));
        assertThat(segments.find("nope")).isEmpty();
    }

    @Test
    void filtersOrdersAndSelectsLabels() {
        assertThat(guids(segments.list(query(Map.of("names", List.of("apple", "cherry")))))).containsExactly("i2",
                "i3");
        segments.entitle("i3", "o2");
        segments.entitle("i1", "o1");
        assertThat(guids(segments.list(query(Map.of("organization_guids", List.of("o1", "o2"))))))
                .containsExactly("i1", "i3");
        var byName = new ListQuery(1, 2, new OrderBy("name", false, true), Map.of(), List.of(), null,
                Visibility.everything());
        var page = segments.list(byName);
        assertThat(guids(page)).containsExactly("i2", "i1");
        assertThat(page.totalResults()).isEqualTo(4);
        var prod = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env=prod"),
                Visibility.everything());
        assertThat(guids(segments.list(prod))).containsExactly("i1");
    }

    @Test
    void usersSeeSegmentsEntitledToOrganizationsTheyBelongTo() {
        segments.entitle("i1", "o1");
        segments.entitle("i2", "o2");
        roles.insert(new Role("r1", t0, t0, RoleType.ORGANIZATION_BILLING_MANAGER, "u1", "o1", null));
        roles.insert(new Role("r2", t0, t0, RoleType.SPACE_DEVELOPER, "u2", "o2", "s9"));
        Set<RoleType> orgRoles = Set.of(RoleType.ORGANIZATION_USER, RoleType.ORGANIZATION_MANAGER,
                RoleType.ORGANIZATION_AUDITOR, RoleType.ORGANIZATION_BILLING_MANAGER);
        Set<RoleType> spaceRoles = Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_MANAGER, RoleType.SPACE_AUDITOR,
                RoleType.SPACE_SUPPORTER);
        assertThat(guids(segments.list(query(Map.of()).withVisibility(Visibility.of("u1", spaceRoles, orgRoles)))))
                .containsExactly("i1");
        assertThat(guids(segments.list(query(Map.of()).withVisibility(Visibility.of("u2", spaceRoles, orgRoles)))))
                .containsExactly("i2");
        assertThat(guids(segments.list(query(Map.of()).withVisibility(Visibility.of("u3", spaceRoles, orgRoles)))))
                .isEmpty();
        assertThat(guids(segments.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void namesAreComparedIgnoringCase() {
        assertThat(segments.nameTaken("BANANA", null)).isTrue();
        assertThat(segments.nameTaken("Banana", "i1")).isFalse();
        assertThat(segments.nameTaken("durian", null)).isFalse();
    }

    @Test
    void entitlementsAreKeptOnceInOrderAndOnlyForExistingOrganizations() {
        segments.entitle("i1", "o2");
        segments.entitle("i1", "o1");
        segments.entitle("i1", "o2");
        segments.entitle("i1", "gone");
        assertThat(segments.organizationGuids("i1")).containsExactly("o2", "o1");
        assertThat(segments.entitled("i1", "o1")).isTrue();
        segments.revoke("i1", "o2");
        assertThat(segments.organizationGuids("i1")).containsExactly("o1");
        segments.entitle("i2", "o1");
        segments.revokeAll("o1");
        assertThat(segments.organizationGuids("i1")).isEmpty();
        assertThat(segments.organizationGuids("i2")).isEmpty();
    }

    @Test
    void tracksDefaultsAndPlacedSpaces() {
        assertThat(segments.inUseAsDefault("i1")).isFalse();
        assertThat(segments.organizationDefault("o1")).isEmpty();
        segments.setOrganizationDefault("o1", "i1", t0.plusSeconds(5));
        assertThat(segments.organizationDefault("o1")).contains("i1");
        assertThat(orgs.find("o1").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(segments.inUseAsDefault("i1")).isTrue();
        segments.setOrganizationDefault("o1", null, t0);
        assertThat(segments.organizationDefault("o1")).isEmpty();
        assertThat(segments.inUseAsDefault("i1")).isFalse();
        var s1 = spaces.find("s1").orElseThrow();
        spaces.update(new Space("s1", t0, t0, s1.name(), "o1", false, true, null, "i2", Metadata.empty()));
        spaces.update(new Space("s2", t0, t0, "prod", "o1", false, true, null, "i2", Metadata.empty()));
        assertThat(segments.inUseAsDefault("i2")).isTrue();
        assertThat(segments.spaceGuids("i2")).containsExactly("s1", "s2");
        assertThat(segments.spaceNames("i2", "o1")).containsExactly("dev", "prod");
        assertThat(segments.spaceNames("i2", "o2")).isEmpty();
    }

    @Test
    void deletingRemovesTheEntitlementsToo() {
        segments.entitle("i3", "o1");
        segments.delete("i3");
        assertThat(segments.find("i3")).isEmpty();
        assertThat(segments.organizationGuids("i3")).isEmpty();
    }
}
