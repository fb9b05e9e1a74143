package dev.capi.persistence.securitygroups;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.securitygroups.Lifecycle;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.SecurityGroup;
import dev.capi.model.Space;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import dev.capi.persistence.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiSecurityGroupRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiSecurityGroupRepository groups;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        groups = new JdbiSecurityGroupRepository(jdbi);
        roles = new JdbiRoleRepository(jdbi);
        var orgs = new JdbiOrganizationRepository(jdbi, metadata);
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        orgs.insert(new Organization("o1", t0, t0, "o1", false, null, Metadata.empty()));
        orgs.insert(new Organization("o2", t0, t0, "o2", false, null, Metadata.empty()));
        spaces.insert(new Space("s1", t0, t0, "s1", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "s2", "o2", false, true, null, null, Metadata.empty()));
        insert("g1", "web", t0, false, false);
        insert("g2", "dns", t0.plusSeconds(10), true, false);
        insert("g3", "build", t0.plusSeconds(20), false, true);
        insert("g4", "db", t0.plusSeconds(30), false, false);
        groups.bind("g1", Lifecycle.RUNNING, "s1");
        groups.bind("g1", Lifecycle.RUNNING, "s2");
        groups.bind("g4", Lifecycle.STAGING, "s2");
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String guid, String name, Instant at, boolean running, boolean staging) {
        groups.insert(new SecurityGroup(guid, at, at, name, List.of(Map.of("protocol", "all",
                "destination", "10.0.0.0/8")), running, staging, List.of(), List.of()));
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<SecurityGroup> page) {
        return page.resources().stream().map(SecurityGroup::guid).toList();
    }

    @Test
    void keepsRulesAsGivenAndLoadsBindings() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", "icmp");
        rule.put("destination", "1.2.3.4");
        rule.put("type", 8);
        rule.put("code", -1);
        rule.put("log", true);
        rule.put("description", "ping");
        groups.insert(new SecurityGroup("g5", t0, t0, "ping", List.of(rule), false, false, List.of(), List.of()));
        var found = groups.find("g5").orElseThrow();
        assertThat(found.rules()).containsExactly(rule);
        assertThat(found.rules().get(0).keySet()).containsExactly("protocol", "destination", "type", "code", "log",
                "description");
        var g1 = groups.find("g1").orElseThrow();
        assertThat(g1.runningSpaceGuids()).containsExactly("s1", "s2");
        assertThat(g1.stagingSpaceGuids()).isEmpty();
        assertThat(g1.createdAt()).isEqualTo(t0);
    }

    @Test
    void updatesNameRulesAndFlags() {
        groups.update(new SecurityGroup("g1", t0, t0.plusSeconds(5), "web2", List.of(), true, true, List.of(),
                List.of()));
        var g1 = groups.find("g1").orElseThrow();
        assertThat(g1.name()).isEqualTo("web2");
        assertThat(g1.rules()).isEmpty();
        assertThat(g1.runningDefault()).isTrue();
        assertThat(g1.stagingDefault()).isTrue();
        assertThat(g1.updatedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(g1.runningSpaceGuids()).containsExactly("s1", "s2");
    }

    @Test
    void filtersBySpacesNamesAndGlobalFlags() {
        assertThat(guids(groups.list(query(Map.of("names", List.of("dns", "db")))))).containsExactly("g2", "g4");
        assertThat(guids(groups.list(query(Map.of("running_space_guids", List.of("s2")))))).containsExactly("g1");
        assertThat(guids(groups.list(query(Map.of("staging_space_guids", List.of("s1", "s2"))))))
                .containsExactly("g4");
        assertThat(guids(groups.list(query(Map.of("globally_enabled_running", List.of("true"))))))
                .containsExactly("g2");
        assertThat(guids(groups.list(query(Map.of("globally_enabled_staging", List.of("false"))))))
                .containsExactly("g1", "g2", "g4");
        assertThat(guids(groups.list(query(Map.of(SecurityGroupRepository.RUNNING_FOR_SPACE, List.of("s1"))))))
                .containsExactly("g1", "g2");
        assertThat(guids(groups.list(query(Map.of(SecurityGroupRepository.STAGING_FOR_SPACE, List.of("s2"))))))
                .containsExactly("g3", "g4");
    }

    @Test
    void usersSeeGlobalGroupsAndThoseOfSpacesTheyRead() {
        roles.insert(new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "o1", "s1"));
        roles.insert(new Role("r2", t0, t0, RoleType.ORGANIZATION_MANAGER, "u2", "o2", null));
        Set<RoleType> spaceRoles = Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_MANAGER, RoleType.SPACE_AUDITOR,
                RoleType.SPACE_SUPPORTER);
        Set<RoleType> orgManagers = Set.of(RoleType.ORGANIZATION_MANAGER);
        assertThat(guids(groups.list(query(Map.of()).withVisibility(Visibility.of("u1", spaceRoles, orgManagers)))))
                .containsExactly("g1", "g2", "g3");
        assertThat(guids(groups.list(query(Map.of()).withVisibility(Visibility.of("u2", spaceRoles, orgManagers)))))
                .containsExactly("g1", "g2", "g3", "g4");
        assertThat(guids(groups.list(query(Map.of()).withVisibility(Visibility.of("u3", spaceRoles, orgManagers)))))
                .containsExactly("g2", "g3");
        assertThat(guids(groups.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void aPageCostsFourStatementsWhateverItsSize() {
        for (int i = 0; i < 60; i++) {
            insert("x" + i, "group-" + i, t0.plusSeconds(100 + i), false, false);
            groups.bind("x" + i, Lifecycle.RUNNING, "s1");
            groups.bind("x" + i, Lifecycle.STAGING, "s2");
        }
        var tx = new JdbiTransactions(db.database().jdbi());
        int statements = tx.inTransaction(() -> {
            StatementCounter.reset();
            var page = groups.list(new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), null,
                    Visibility.everything()));
            assertThat(page.resources()).hasSize(50);
            assertThat(page.totalResults()).isEqualTo(64);
            assertThat(page.resources().get(49).stagingSpaceGuids()).containsExactly("s2");
            return StatementCounter.current();
        });
        assertThat(statements).isEqualTo(4);
    }

    @Test
    void bindingIsIdempotentAndUnbindingSpacesRemovesEveryBinding() {
        groups.bind("g1", Lifecycle.RUNNING, "s1");
        assertThat(groups.find("g1").orElseThrow().runningSpaceGuids()).containsExactly("s1", "s2");
        groups.unbind("g1", Lifecycle.RUNNING, "s1");
        assertThat(groups.find("g1").orElseThrow().runningSpaceGuids()).containsExactly("s2");
        groups.unbindSpace("s2");
        assertThat(groups.find("g1").orElseThrow().runningSpaceGuids()).isEmpty();
        assertThat(groups.find("g4").orElseThrow().stagingSpaceGuids()).isEmpty();
    }

    @Test
    void namesAreUniqueAndDeletingRemovesBindings() {
        assertThat(groups.nameTaken("web", null)).isTrue();
        assertThat(groups.nameTaken("web", "g1")).isFalse();
        assertThat(groups.nameTaken("WEB", null)).isFalse();
        assertThat(groups.isEmpty()).isFalse();
        groups.delete("g1");
        assertThat(groups.find("g1")).isEmpty();
        assertThat(guids(groups.list(query(Map.of("running_space_guids", List.of("s1", "s2")))))).isEmpty();
    }

    @Test
    void theLatestUpdateOnlyMovesForward() {
        assertThat(groups.latestUpdate()).isEqualTo(Instant.EPOCH);
        Instant later = Instant.parse("2026-02-01T00:00:00.123456Z");
        groups.renewLatestUpdate(later);
        assertThat(groups.latestUpdate()).isEqualTo(later);
        groups.renewLatestUpdate(later.minusSeconds(60));
        assertThat(groups.latestUpdate()).isEqualTo(later);
    }

    @Test
    void largeIntegersSurviveTheRoundTrip() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", "icmp");
        rule.put("code", BigInteger.TEN.pow(20));
        groups.insert(new SecurityGroup("g6", t0, t0, "big", List.of(rule), false, false, List.of(), List.of()));
        assertThat(groups.find("g6").orElseThrow().rules().get(0).get("code")).isEqualTo(BigInteger.TEN.pow(20));
    }
}
