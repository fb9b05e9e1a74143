package dev.capi.persistence.roles;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.query.RoleVisibility;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.persistence.TestDatabases;
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

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiRoleRepositoryTest {
    private static final OrderBy CREATED = new OrderBy("created_at", false, true);

    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        roles = new JdbiRoleRepository(db.database().jdbi());
        insert("r1", 0, ORGANIZATION_MANAGER, "om", "o1", null);
        insert("r2", 1, ORGANIZATION_AUDITOR, "oa", "o1", null);
        insert("r3", 2, ORGANIZATION_USER, "sd", "o1", null);
        insert("r4", 3, SPACE_DEVELOPER, "sd", "o1", "s1");
        insert("r5", 4, SPACE_AUDITOR, "x", "o1", "s2");
        insert("r6", 5, ORGANIZATION_USER, "y", "o2", null);
        insert("rb", 6, SPACE_MANAGER, "y", "o2", "s3");
        insert("ra", 6, ORGANIZATION_AUDITOR, "y", "o2", null);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, int second, RoleType type, String user, String org, String space) {
        Instant at = t0.plusSeconds(second);
        roles.insert(new Role(guid, at, at, type, user, org, space));
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, CREATED, filters, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Role> page) {
        return page.resources().stream().map(Role::guid).toList();
    }

    private List<String> listed(Map<String, List<String>> filters) {
        return guids(roles.list(query(filters), RoleVisibility.everything()));
    }

    private RoleVisibility seenBy(String user, String... scopes) {
        Set<String> s = scopes.length == 0 ? Set.of(Principal.READ) : Set.of(scopes);
        return new Permissions(new Principal(user, user, "uaa", "cf", s), roles).roleVisibility();
    }

    @Test
    void listsByCreationTimeWithTheGuidBreakingTies() {
        assertThat(listed(Map.of())).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "ra", "rb");
        var desc = new ListQuery(1, 3, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Role> page = roles.list(desc, RoleVisibility.everything());
        assertThat(guids(page)).containsExactly("rb", "ra", "r6");
        assertThat(page.totalResults()).isEqualTo(8);
        assertThat(page.resources().get(0)).isEqualTo(new Role("rb", t0.plusSeconds(6), t0.plusSeconds(6),
                SPACE_MANAGER, "y", "o2", "s3"));
    }

    @Test
    void filtersByTypesUsersSpacesAndGuids() {
        assertThat(listed(Map.of("types", List.of("organization_user", "space_auditor"))))
                .containsExactly("r3", "r5", "r6");
        assertThat(listed(Map.of("user_guids", List.of("sd")))).containsExactly("r3", "r4");
        assertThat(listed(Map.of("space_guids", List.of("s1", "s3")))).containsExactly("r4", "rb");
        assertThat(listed(Map.of("guids", List.of("r2", "ra"), "user_guids", List.of("y")))).containsExactly("ra");
    }

    @Test
    void organizationGuidsMatchOrganizationRolesOnlyAsInTheReference() {
        assertThat(listed(Map.of("organization_guids", List.of("o1")))).containsExactly("r1", "r2", "r3");
        assertThat(listed(Map.of("organization_guids", List.of("o2"), "types", List.of("space_manager")))).isEmpty();
    }

    @Test
    void filtersByCreationTime() {
        var lt = new ListQuery(1, 50, CREATED, Map.of(),
                List.of(new TimestampFilter("created_at", TimestampFilter.Op.LT, List.of(t0.plusSeconds(2)))), null,
                Visibility.everything());
        assertThat(guids(roles.list(lt, RoleVisibility.everything()))).containsExactly("r1", "r2");
    }

    @Test
    void orgRoleHoldersSeeTheOrgRolesOfTheirOrganization() {
        assertThat(guids(roles.list(query(Map.of()), seenBy("oa")))).containsExactly("r1", "r2", "r3");
    }

    @Test
    void spaceRoleHoldersAlsoSeeTheRolesOfTheirSpaceAndOrgManagersEveryRoleOfTheirOrganization() {
        assertThat(guids(roles.list(query(Map.of()), seenBy("sd")))).containsExactly("r1", "r2", "r3", "r4");
        assertThat(guids(roles.list(query(Map.of()), seenBy("om")))).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(guids(roles.list(query(Map.of()), seenBy("x")))).as("a space role alone shows no org roles")
                .containsExactly("r5");
    }

    @Test
    void strangersSeeNothingAndGlobalReadersEverything() {
        assertThat(guids(roles.list(query(Map.of()), seenBy("nobody")))).isEmpty();
        assertThat(roles.list(query(Map.of()), seenBy("ga", Principal.GLOBAL_AUDITOR)).totalResults()).isEqualTo(8);
        var filteredAndVisible = query(Map.of("types", List.of("space_developer", "space_auditor")));
        assertThat(guids(roles.list(filteredAndVisible, seenBy("sd")))).containsExactly("r4");
    }

    @Test
    void findsRolesByTheirUniqueKeyAndAnswersMembershipQuestions() {
        assertThat(roles.find(SPACE_DEVELOPER, "sd", "o1", "s1")).hasValueSatisfying(r ->
                assertThat(r.guid()).isEqualTo("r4"));
        assertThat(roles.find(ORGANIZATION_USER, "sd", "o1", null).map(Role::guid)).contains("r3");
        assertThat(roles.find(SPACE_DEVELOPER, "sd", "o1", "s2")).isEmpty();
        assertThat(roles.userHasSpaceRolesInOrganization("sd", "o1")).isTrue();
        assertThat(roles.userHasSpaceRolesInOrganization("sd", "o2")).isFalse();
        roles.deleteForUser("sd");
        assertThat(roles.forUser("sd")).isEmpty();
        roles.delete("r1");
        assertThat(roles.find("r1")).isEmpty();
    }
}
