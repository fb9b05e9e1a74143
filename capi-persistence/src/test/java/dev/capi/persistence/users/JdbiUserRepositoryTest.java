package dev.capi.persistence.users;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.User;
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

import static dev.capi.model.RoleType.*;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiUserRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiUserRepository users;
    private JdbiMetadataRepository metadata;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        metadata = new JdbiMetadataRepository(db.database().jdbi());
        users = new JdbiUserRepository(db.database().jdbi(), metadata);
        roles = new JdbiRoleRepository(db.database().jdbi());
        insert("u1", 0, "alice", "uaa");
        insert("u2", 1, "Alicia", "ldap");
        insert("u3", 2, "bob", "uaa");
        insert("u4", 3, "carol_x", "uaa");
        insert("u5", 4, null, null);
        metadata.replace("u1", "user", new Metadata(Map.of("team", "a"), Map.of("note", "x")));
        metadata.replace("u3", "user", new Metadata(Map.of("team", "b"), Map.of()));
        role("r1", ORGANIZATION_USER, "u1", "o1", null);
        role("r2", ORGANIZATION_AUDITOR, "u2", "o1", null);
        role("r3", ORGANIZATION_MANAGER, "u3", "o2", null);
        role("r4", SPACE_DEVELOPER, "u3", "o1", "s1");
        role("r5", SPACE_AUDITOR, "u1", "o1", "s1");
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, int second, String username, String origin) {
        Instant at = t0.plusSeconds(second);
        users.insert(new User(guid, at, at, username, username, origin, Metadata.empty()));
    }

    private void role(String guid, RoleType type, String user, String org, String space) {
        roles.insert(new Role(guid, t0, t0, type, user, org, space));
    }

    private List<String> listed(Map<String, List<String>> filters) {
        return guids(users.list(new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null,
                Visibility.everything())));
    }

    private static List<String> guids(Page<User> page) {
        return page.resources().stream().map(User::guid).toList();
    }

    @Test
    void listsInCreationOrderWithMetadataAndPaginates() {
        var page = users.list(new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything()));
        assertThat(guids(page)).containsExactly("u3", "u2");
        assertThat(page.totalResults()).isEqualTo(5);
        assertThat(page.resources().get(0).metadata().labels()).containsEntry("team", "b");
        assertThat(listed(Map.of())).containsExactly("u1", "u2", "u3", "u4", "u5");
    }

    @Test
    void filtersByUsernamesOriginsAndGuids() {
        assertThat(listed(Map.of("usernames", List.of("alice", "bob")))).containsExactly("u1", "u3");
        assertThat(listed(Map.of("usernames", List.of("alice"), "origins", List.of("ldap")))).isEmpty();
        assertThat(listed(Map.of("usernames", List.of("Alicia"), "origins", List.of("ldap", "uaa"))))
                .containsExactly("u2");
        assertThat(listed(Map.of("guids", List.of("u4", "u5")))).containsExactly("u4", "u5");
    }

    @Test
    void partialUsernamesMatchCaseInsensitiveSubstringsLiterally() {
        assertThat(listed(Map.of("partial_usernames", List.of("ALI")))).containsExactly("u1", "u2");
        assertThat(listed(Map.of("partial_usernames", List.of("li", "ob"), "origins", List.of("uaa"))))
                .containsExactly("u1", "u3");
        assertThat(listed(Map.of("partial_usernames", List.of("l_c")))).isEmpty();
        assertThat(listed(Map.of("partial_usernames", List.of("l_x")))).containsExactly("u4");
        assertThat(listed(Map.of("partial_usernames", List.of("%")))).isEmpty();
        assertThat(listed(Map.of("partial_usernames", List.of("!")))).isEmpty();
    }

    @Test
    void membersOfAnOrganizationHoldAnOrgRoleThereAndOfASpaceASpaceRole() {
        assertThat(listed(Map.of("in_organization", List.of("o1")))).containsExactly("u1", "u2");
        assertThat(listed(Map.of("in_organization", List.of("o2")))).containsExactly("u3");
        assertThat(listed(Map.of("in_space", List.of("s1")))).containsExactly("u1", "u3");
        assertThat(listed(Map.of("in_space", List.of("s1"), "usernames", List.of("bob")))).containsExactly("u3");
    }

    @Test
    void usersSeeThemselvesAndTheHoldersOfOrgRolesInTheirOrganizations() {
        assertThat(listed(Map.of("shares_org_with", List.of("u1")))).containsExactly("u1", "u2");
        assertThat(listed(Map.of("shares_org_with", List.of("u3")))).as("a space role shares no organization")
                .containsExactly("u3");
        assertThat(listed(Map.of("shares_org_with", List.of("u4")))).containsExactly("u4");
        assertThat(listed(Map.of("shares_org_with", List.of("u2"), "guids", List.of("u1", "u3"))))
                .containsExactly("u1");
    }

    @Test
    void filtersByLabelSelector() {
        var q = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("team in (a,b)"),
                Visibility.everything());
        assertThat(guids(users.list(q))).containsExactly("u1", "u3");
    }

    @Test
    void findsUsersByGuidsAndByUsername() {
        assertThat(users.findAll(List.of("u3", "u1", "zz"))).extracting(User::guid).containsExactly("u1", "u3");
        assertThat(users.findAll(List.of("u1")).get(0).metadata().annotations()).containsEntry("note", "x");
        assertThat(users.findAll(List.of())).isEmpty();
        assertThat(users.findByUsername("Alicia", null)).extracting(User::guid).containsExactly("u2");
        assertThat(users.findByUsername("Alicia", "uaa")).isEmpty();
        var updated = new User("u5", t0.plusSeconds(4), t0.plusSeconds(9), "client", "client", "uaa",
                Metadata.empty());
        users.update(updated);
        assertThat(users.find("u5")).contains(updated);
        users.delete("u5");
        assertThat(users.find("u5")).isEmpty();
    }
}
