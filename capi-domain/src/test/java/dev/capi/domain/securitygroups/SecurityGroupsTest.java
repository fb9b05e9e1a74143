package dev.capi.domain.securitygroups;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FixedRoles;
import dev.capi.domain.fakes.ImmediateTransactions;
import dev.capi.domain.fakes.InMemoryJobs;
import dev.capi.domain.fakes.InMemoryOrganizations;
import dev.capi.domain.fakes.InMemorySecurityGroups;
import dev.capi.domain.fakes.InMemorySpaces;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.SecurityGroup;
import dev.capi.model.Space;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityGroupsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryOrganizations orgs = new InMemoryOrganizations();
    private final InMemorySpaces spaces = new InMemorySpaces();
    private final InMemorySecurityGroups repository = new InMemorySecurityGroups();
    private final InMemoryJobs jobRows = new InMemoryJobs();
    private final FixedRoles roles = new FixedRoles();
    private SecurityGroups groups;

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void tick() {
            now = now.plus(Duration.ofSeconds(1));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        groups = new SecurityGroups(repository, spaces, orgs, new ImmediateTransactions(),
                new Jobs(jobRows, clock, () -> "j" + ids.incrementAndGet()), clock, () -> "g" + ids.incrementAndGet(),
                new SecurityGroupRules(false, false));
        Instant t = clock.instant();
        orgs.insert(new Organization("org", t, t, "org", false, null, Metadata.empty()));
        orgs.insert(new Organization("other", t, t, "other", false, null, Metadata.empty()));
        spaces.insert(new Space("space", t, t, "dev", "org", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("elsewhere", t, t, "dev", "other", false, true, null, null, Metadata.empty()));
        roles.org("manager", RoleType.ORGANIZATION_MANAGER, "org");
        roles.org("auditor", RoleType.ORGANIZATION_AUDITOR, "org");
        for (var type : List.of(RoleType.SPACE_MANAGER, RoleType.SPACE_DEVELOPER)) {
            String user = type.name().toLowerCase();
            roles.org(user, RoleType.ORGANIZATION_USER, "org");
            roles.space(user, type, "org", "space");
        }
    }

    private Permissions as(String user, String... scopes) {
        return new Permissions(new Principal(user, user, "uaa", "cf", Set.of(scopes)), roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private SecurityGroup create(String name, List<String> running, List<String> staging) {
        return groups.create(admin(), new SecurityGroupCommands.Create(name, List.of(
                Map.of("protocol", "tcp", "destination", "10.0.0.0/8", "ports", "443")), null, null, running,
                staging));
    }

    private static CfError kind(Runnable r) {
        try {
            r.run();
        } catch (CfException e) {
            return e.kind();
        }
        throw new AssertionError("no CfException");
    }

    @Test
    void adminsCreateGroupsBoundToSpaces() {
        SecurityGroup g = create("web", List.of("space"), List.of("elsewhere"));
        assertThat(g.runningSpaceGuids()).containsExactly("space");
        assertThat(g.stagingSpaceGuids()).containsExactly("elsewhere");
        assertThat(g.runningDefault()).isFalse();
        assertThat(kind(() -> groups.create(as("manager", Principal.WRITE), new SecurityGroupCommands.Create("x",
                List.of(), null, null, List.of(), List.of())))).isEqualTo(CfError.NotAuthorized);
    }

    @Test
    void createRefusesUnknownSpacesDuplicateNamesAndRulesTheModelRejects() {
        assertThatThrownBy(() -> create("first", List.of("nope", "space", "nope"), List.of()))
                .hasFieldOrPropertyWithValue("detail", "Spaces with guids [\"nope\", \"nope\"] do not exist.");
        create("web", List.of(), List.of());
        assertThatThrownBy(() -> create("web", List.of(), List.of()))
                .hasFieldOrPropertyWithValue("detail", "Security group with name 'web' already exists.");
        assertThatThrownBy(() -> groups.create(admin(), new SecurityGroupCommands.Create("a\tb",
                List.of(Map.of("protocol", "udp", "destination", "", "ports", "1")), null, null, List.of(),
                List.of()))).hasFieldOrPropertyWithValue("detail",
                "name is invalid, rules rule number 1 contains invalid destination");
    }

    @Test
    void boundGroupsAreVisibleToReadersOfTheSpaceGlobalOnesToEveryone() {
        SecurityGroup g = create("web", List.of("space", "elsewhere"), List.of());
        assertThat(groups.get(as("space_developer", Principal.READ), g.guid()).runningSpaceGuids())
                .containsExactly("space");
        assertThat(groups.get(as("manager", Principal.READ), g.guid()).guid()).isEqualTo(g.guid());
        assertThat(groups.get(admin(), g.guid()).runningSpaceGuids()).containsExactly("space", "elsewhere");
        assertThat(kind(() -> groups.get(as("auditor", Principal.READ), g.guid())))
                .isEqualTo(CfError.ResourceNotFound);
        groups.update(admin(), g.guid(), new SecurityGroupCommands.Update(false, null, false, null, null, true));
        assertThat(groups.get(as("auditor", Principal.READ), g.guid()).runningSpaceGuids()).isEmpty();
    }

    @Test
    void listsAskForSpaceVisibilityAndHideUnreadableBindings() {
        create("web", List.of("space", "elsewhere"), List.of());
        var page = groups.list(as("space_developer", Principal.READ), ListQuery.all());
        assertThat(repository.lastQuery().visibility())
                .isEqualTo(Visibility.of("space_developer", dev.capi.domain.auth.Permissions.SPACE_READERS,
                        dev.capi.domain.auth.Permissions.ORG_MANAGERS));
        assertThat(page.resources().get(0).runningSpaceGuids()).containsExactly("space");
    }

    @Test
    void updatesReplaceRulesKeepUnsetFlagsAndCheckVisibilityBeforeAdmin() {
        SecurityGroup g = create("web", List.of("space"), List.of());
        List<Map<String, Object>> rules = List.of(Map.of("protocol", "all", "destination", "1.1.1.1"));
        SecurityGroup updated = groups.update(admin(), g.guid(),
                new SecurityGroupCommands.Update(true, "api", true, rules, true, null));
        assertThat(updated.name()).isEqualTo("api");
        assertThat(updated.rules()).isEqualTo(rules);
        assertThat(updated.runningDefault()).isTrue();
        assertThat(updated.stagingDefault()).isFalse();
        assertThat(updated.runningSpaceGuids()).containsExactly("space");
        assertThat(kind(() -> groups.update(as("space_developer", Principal.WRITE), g.guid(),
                new SecurityGroupCommands.Update(false, null, false, null, null, null))))
                .isEqualTo(CfError.NotAuthorized);
    }

    @Test
    void managersOfTheSpaceOrItsOrganizationBindAndUnbind() {
        SecurityGroup g = create("web", List.of(), List.of("space"));
        assertThat(groups.bind(as("space_manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING,
                List.of("space"))).containsExactly("space");
        assertThat(kind(() -> groups.bind(as("space_developer", Principal.WRITE), g.guid(), Lifecycle.RUNNING,
                List.of("space")))).isEqualTo(CfError.NotAuthorized);
        assertThat(kind(() -> groups.bind(as("manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING,
                List.of("elsewhere")))).isEqualTo(CfError.NotAuthorized);
        assertThatThrownBy(() -> groups.bind(admin(), g.guid(), Lifecycle.STAGING, List.of("nope")))
                .hasFieldOrPropertyWithValue("detail",
                        "Spaces with guids [\"nope\"] do not exist, or you do not have access to them.");
        groups.unbind(as("manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING, "space");
        assertThat(repository.find(g.guid()).orElseThrow().runningSpaceGuids()).isEmpty();
        assertThatThrownBy(() -> groups.unbind(admin(), g.guid(), Lifecycle.RUNNING, "space"))
                .hasFieldOrPropertyWithValue("detail", "Unable to unbind security group from space with guid "
                        + "'space'. Ensure the space is bound to this security group.");
    }

    @Test
    void suspendedOrganizationsAndSpacesStopNonAdmins() {
        SecurityGroup g = create("web", List.of(), List.of("space"));
        Instant t = clock.instant();
        spaces.update(new Space("space", t, t, "dev", "org", true, true, null, null, Metadata.empty()));
        assertThat(kind(() -> groups.bind(as("space_manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING,
                List.of("space")))).isEqualTo(CfError.SpaceSuspended);
        assertThat(groups.bind(as("manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING, List.of("space")))
                .as("org managers bypass a suspended space").containsExactly("space");
        orgs.update(new Organization("org", t, t, "org", true, null, Metadata.empty()));
        assertThat(kind(() -> groups.unbind(as("manager", Principal.WRITE), g.guid(), Lifecycle.RUNNING,
                "space"))).isEqualTo(CfError.OrgSuspended);
        groups.unbind(admin(), g.guid(), Lifecycle.RUNNING, "space");
    }

    @Test
    void everyChangeMovesTheLatestUpdateForward() {
        assertThat(groups.latestUpdate()).isEqualTo(Instant.EPOCH);
        SecurityGroup g = create("web", List.of(), List.of());
        Instant created = groups.latestUpdate();
        assertThat(created).isEqualTo(clock.instant());
        clock.tick();
        groups.bind(admin(), g.guid(), Lifecycle.RUNNING, List.of("space"));
        assertThat(groups.latestUpdate()).isAfter(created);
        clock.tick();
        groups.unbind(admin(), g.guid(), Lifecycle.RUNNING, "space");
        assertThat(groups.latestUpdate()).isEqualTo(clock.instant());
        clock.tick();
        groups.update(admin(), g.guid(), new SecurityGroupCommands.Update(true, "api", false, null, null, null));
        assertThat(groups.latestUpdate()).isEqualTo(clock.instant());
        clock.tick();
        var job = groups.delete(admin(), g.guid());
        assertThat(job.operation()).isEqualTo("security_group.delete");
        new SecurityGroupDeletion(repository, clock).perform(job);
        assertThat(repository.find(g.guid())).isEmpty();
        assertThat(groups.latestUpdate()).isEqualTo(clock.instant());
    }

    @Test
    void spaceListsShowBoundAndGloballyEnabledGroupsWithOnlyThatSpace() {
        SecurityGroup bound = create("bound", List.of("space", "elsewhere"), List.of());
        SecurityGroup global = create("global", List.of(), List.of());
        groups.update(admin(), global.guid(), new SecurityGroupCommands.Update(false, null, false, null, true, null));
        create("unrelated", List.of("elsewhere"), List.of());
        var page = groups.forSpace(as("space_developer", Principal.READ), "space", Lifecycle.RUNNING,
                ListQuery.all());
        assertThat(page.resources()).extracting(SecurityGroup::guid).containsExactly(bound.guid(), global.guid());
        assertThat(page.resources().get(0).runningSpaceGuids()).containsExactly("space");
        assertThat(kind(() -> groups.forSpace(as("auditor", Principal.READ), "space", Lifecycle.RUNNING,
                ListQuery.all()))).isEqualTo(CfError.ResourceNotFound);
    }

    @Test
    void seedsConfiguredGroupsOnceWithTheirGlobalFlags() {
        var settings = new SecurityGroupSettings(List.of(
                new SecurityGroupSettings.Definition("public_networks", List.of(
                        Map.of("protocol", "all", "destination", "0.0.0.0-9.255.255.255"))),
                new SecurityGroupSettings.Definition("dns", List.of(
                        Map.of("protocol", "udp", "destination", "0.0.0.0/0", "ports", "53")))),
                List.of("public_networks", "dns"), List.of("dns"), false, false);
        groups.seed(settings);
        var seeded = repository.list(ListQuery.all()).resources();
        assertThat(seeded).extracting(SecurityGroup::name).containsExactly("public_networks", "dns");
        assertThat(seeded).extracting(SecurityGroup::runningDefault).containsExactly(true, true);
        assertThat(seeded).extracting(SecurityGroup::stagingDefault).containsExactly(false, true);
        groups.seed(settings);
        assertThat(repository.list(ListQuery.all()).resources()).hasSize(2);
        groups.seed(SecurityGroupSettings.none());
        assertThat(repository.list(ListQuery.all()).resources()).hasSize(2);
    }

    @Test
    void aDefinitionTheModelRefusesStopsTheBoot() {
        var settings = new SecurityGroupSettings(List.of(new SecurityGroupSettings.Definition("bad",
                List.of(Map.of("protocol", "tcp", "destination", "1.2.3.4")))), List.of(), List.of(), false, false);
        assertThatThrownBy(() -> groups.seed(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules rule number 1 missing required field 'ports'");
        assertThat(repository.isEmpty()).isTrue();
    }

    @Test
    void deletedSpacesLoseTheirBindings() {
        SecurityGroup g = create("web", List.of("space"), List.of("space"));
        new SecurityGroupCleanup(repository).deleteSpaceContents("space");
        SecurityGroup after = repository.find(g.guid()).orElseThrow();
        assertThat(after.runningSpaceGuids()).isEmpty();
        assertThat(after.stagingSpaceGuids()).isEmpty();
    }
}
