package dev.capi.persistence.spaces;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
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
class JdbiSpaceRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiSpaceRepository spaces;
    private JdbiMetadataRepository metadata;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        metadata = new JdbiMetadataRepository(db.database().jdbi());
        spaces = new JdbiSpaceRepository(db.database().jdbi(), metadata);
        roles = new JdbiRoleRepository(db.database().jdbi());
        var orgs = new JdbiOrganizationRepository(db.database().jdbi(), metadata);
        orgs.insert(new Organization("o1", t0, t0, "org-one", false, null, Metadata.empty()));
        orgs.insert(new Organization("o2", t0, t0, "org-two", false, null, Metadata.empty()));
        insert("s1", "banana", "o1", t0, Map.of("env", "prod"));
        insert("s2", "apple", "o1", t0.plusSeconds(10), Map.of("env", "dev"));
        insert("s3", "cherry", "o2", t0.plusSeconds(20), Map.of());
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, String name, String org, Instant at, Map<String, String> labels) {
        spaces.insert(space(guid, name, org, at));
        metadata.replace(guid, "space", new Metadata(labels, Map.of("note", "x")));
    }

    private static Space space(String guid, String name, String org, Instant at) {
        return new Space(guid, at, at, name, org, false, true, null, null, Metadata.empty());
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Space> page) {
        return page.resources().stream().map(Space::guid).toList();
    }

    @Test
    void storesEveryFieldAndAttachesMetadata() {
        var full = new Space("s9", t0, t0.plusSeconds(1), "full", "o2", true, false, "q1", "iso1",
                Metadata.empty());
        spaces.insert(full);
        assertThat(spaces.find("s9")).contains(full);
        Space s1 = spaces.find("s1").orElseThrow();
        assertThat(s1.metadata().labels()).containsEntry("env", "prod");
        assertThat(s1.metadata().annotations()).containsEntry("note", "x");
        assertThat(spaces.find("nope")).isEmpty();
    }

    @Test
    void findsSeveralAndThoseOfAnOrganizationInCreationOrder() {
        assertThat(spaces.findAll(List.of("s3", "s1", "nope"))).extracting(Space::guid).containsExactly("s1", "s3");
        assertThat(spaces.findAll(List.of())).isEmpty();
        assertThat(spaces.inOrganization("o1")).extracting(Space::guid).containsExactly("s1", "s2");
    }

    @Test
    void listsInCreationOrderWithMetadata() {
        var page = spaces.list(query(Map.of()));
        assertThat(guids(page)).containsExactly("s1", "s2", "s3");
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources().get(1).metadata().labels()).containsEntry("env", "dev");
    }

    @Test
    void filtersByNamesIgnoringCaseOrganizationsAndGuids() {
        assertThat(guids(spaces.list(query(Map.of("names", List.of("apple", "cherry")))))).containsExactly("s2", "s3");
        assertThat(guids(spaces.list(query(Map.of("organization_guids", List.of("o2")))))).containsExactly("s3");
        assertThat(guids(spaces.list(query(Map.of("guids", List.of("s1", "s3")),
                "organization_guids", List.of("o1"))))).containsExactly("s1");
        assertThat(guids(spaces.list(query(Map.of("names", List.of("APPLE", "Cherry")))))).containsExactly("s2", "s3");
    }

    private static ListQuery query(Map<String, List<String>> filters, String key, List<String> values) {
        return query(filters).withFilter(key, values);
    }

    @Test
    void ordersByNameIgnoringCaseEitherWayAndPaginatesWithTotal() {
        spaces.update(new Space("s1", t0, t0, "Banana", "o1", false, true, null, null, Metadata.empty()));
        var asc = new ListQuery(1, 50, new OrderBy("name", false, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(guids(spaces.list(asc))).containsExactly("s2", "s1", "s3");
        var desc = new ListQuery(2, 1, new OrderBy("name", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        var page = spaces.list(desc);
        assertThat(guids(page)).containsExactly("s1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void filtersByTimestampsAndLabelSelector() {
        var gte = new ListQuery(1, 50, OrderBy.byId(), Map.of(),
                List.of(new TimestampFilter("created_at", TimestampFilter.Op.GTE, List.of(t0.plusSeconds(10)))),
                null, Visibility.everything());
        assertThat(guids(spaces.list(gte))).containsExactly("s2", "s3");
        var updated = new ListQuery(1, 50, OrderBy.byId(), Map.of(),
                List.of(new TimestampFilter("updated_at", TimestampFilter.Op.EQ, List.of(t0))), null,
                Visibility.everything());
        assertThat(guids(spaces.list(updated))).containsExactly("s1");
        var prod = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env in (prod,qa)"),
                Visibility.everything());
        assertThat(guids(spaces.list(prod))).containsExactly("s1");
        var unlabelled = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("!env"),
                Visibility.everything());
        assertThat(guids(spaces.list(unlabelled))).containsExactly("s3");
    }

    @Test
    void showsSpacesOfTheUsersSpaceRolesAndOfTheOrgsItManages() {
        roles.insert(new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "o1", "s2"));
        roles.insert(new Role("r2", t0, t0, RoleType.ORGANIZATION_MANAGER, "u1", "o2", null));
        roles.insert(new Role("r3", t0, t0, RoleType.ORGANIZATION_AUDITOR, "u1", "o1", null));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_MANAGER,
                RoleType.SPACE_AUDITOR, RoleType.SPACE_SUPPORTER), Set.of(RoleType.ORGANIZATION_MANAGER));
        var q = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), null, visible);
        assertThat(guids(spaces.list(q))).containsExactly("s2", "s3");
        assertThat(guids(spaces.list(q.withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void namesAreTakenPerOrganizationIgnoringCase() {
        assertThat(spaces.nameTaken("o1", "BANANA")).isTrue();
        assertThat(spaces.nameTaken("o2", "banana")).isFalse();
    }

    @Test
    void theStoreRefusesAnExactDuplicateNameInOneOrganization() {
        assertThatThrownBy(() -> spaces.insert(space("s8", "banana", "o1", t0)))
                .isInstanceOf(SpaceRepository.NameTaken.class);
        var renamed = spaces.find("s2").orElseThrow();
        assertThatThrownBy(() -> spaces.update(new Space("s2", t0, t0, "banana", "o1", false, true, null, null,
                Metadata.empty()))).isInstanceOf(SpaceRepository.NameTaken.class);
        assertThat(spaces.find("s2")).contains(renamed);
        spaces.insert(space("s7", "banana", "o2", t0));
        assertThat(spaces.inOrganization("o2")).extracting(Space::guid).containsExactly("s3", "s7");
    }

    @Test
    void aRefusedDuplicateRollsBackItsTransaction() {
        var tx = new JdbiTransactions(db.database().jdbi());
        assertThatThrownBy(() -> tx.run(() -> {
            spaces.insert(space("s6", "fig", "o1", t0));
            spaces.insert(space("s5", "fig", "o1", t0));
        })).isInstanceOf(SpaceRepository.NameTaken.class);
        assertThat(spaces.find("s6")).isEmpty();
    }

    @Test
    void updatesNameSuspensionSshQuotaAndIsolationSegment() {
        var changed = new Space("s1", t0, t0.plusSeconds(99), "kiwi", "o1", true, false, "q2", "iso2",
                Metadata.empty());
        spaces.update(changed);
        assertThat(spaces.find("s1").orElseThrow().withMetadata(Metadata.empty())).isEqualTo(changed);
    }

    @Test
    void deletesOnlyTheSpace() {
        spaces.delete("s1");
        assertThat(spaces.find("s1")).isEmpty();
        assertThat(guids(spaces.list(query(Map.of())))).containsExactly("s2", "s3");
    }
}
