package dev.capi.persistence.apps;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
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
import dev.capi.persistence.usage.JdbiAppUsageEventRepository;
import dev.capi.model.AppUsageEvent;
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
class JdbiAppRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiAppRepository apps;
    private JdbiMetadataRepository metadata;
    private JdbiRoleRepository roles;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        apps = new JdbiAppRepository(jdbi, metadata);
        roles = new JdbiRoleRepository(jdbi);
        var orgs = new JdbiOrganizationRepository(jdbi, metadata);
        orgs.insert(new Organization("o1", t0, t0, "org-one", false, null, Metadata.empty()));
        orgs.insert(new Organization("o2", t0, t0, "org-two", false, null, Metadata.empty()));
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        spaces.insert(new Space("s1", t0, t0, "one", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "two", "o2", false, true, null, null, Metadata.empty()));
        apps.insert(app("a1", "banana", "s1", t0, new Lifecycle("buildpack", List.of("ruby", "go"), "cflinuxfs4")));
        apps.insert(app("a2", "apple", "s1", t0.plusSeconds(10), Lifecycle.docker()));
        apps.insert(app("a3", "cherry", "s2", t0.plusSeconds(20), new Lifecycle("buildpack", List.of(),
                "cflinuxfs3")));
        metadata.replace("a1", "app", new Metadata(Map.of("env", "prod"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static App app(String guid, String name, String space, Instant at, Lifecycle lifecycle) {
        return new App(guid, at, at, name, space, null, DesiredState.STOPPED, lifecycle,
                Map.of("A", "1", "N", 2, "M", Map.of("x", List.of(true))), null, App.Features.defaults(true),
                Metadata.empty());
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    @Test
    void roundTripsEveryFieldWithTheSpacesOrganizationAndMetadata() {
        App a = apps.find("a1").orElseThrow();
        assertThat(a.name()).isEqualTo("banana");
        assertThat(a.organizationGuid()).isEqualTo("o1");
        assertThat(a.lifecycle()).isEqualTo(new Lifecycle("buildpack", List.of("ruby", "go"), "cflinuxfs4"));
        assertThat(a.environmentVariables()).containsEntry("A", "1").containsEntry("N", 2)
                .containsEntry("M", Map.of("x", List.of(true)));
        assertThat(a.features()).isEqualTo(App.Features.defaults(true));
        assertThat(a.createdAt()).isEqualTo(t0);
        assertThat(a.metadata().labels()).containsEntry("env", "prod");
        assertThat(apps.find("a2").orElseThrow().lifecycle().isDocker()).isTrue();
        App changed = a.withState(DesiredState.STARTED, t0.plusSeconds(99)).withDropletGuid("d1", t0.plusSeconds(99))
                .withFeatures(new App.Features(false, false, true, false), t0.plusSeconds(99))
                .withEnvironmentVariables(Map.of(), t0.plusSeconds(99)).withName("BANANA", t0.plusSeconds(99));
        apps.update(changed);
        App read = apps.find("a1").orElseThrow();
        assertThat(read.state()).isEqualTo(DesiredState.STARTED);
        assertThat(read.dropletGuid()).isEqualTo("d1");
        assertThat(read.features()).isEqualTo(new App.Features(false, false, true, false));
        assertThat(read.environmentVariables()).isEmpty();
        assertThat(read.name()).isEqualTo("BANANA");
        assertThat(read.updatedAt()).isEqualTo(t0.plusSeconds(99));
    }

    @Test
    void filtersByNameSpaceOrganizationStackLifecycleAndLabels() {
        assertThat(apps.list(query(Map.of("names", List.of("apple", "cherry")))).resources())
                .extracting(App::guid).containsExactly("a2", "a3");
        assertThat(apps.list(query(Map.of("space_guids", List.of("s1")))).resources())
                .extracting(App::guid).containsExactly("a1", "a2");
        assertThat(apps.list(query(Map.of("organization_guids", List.of("o2")))).resources())
                .extracting(App::guid).containsExactly("a3");
        assertThat(apps.list(query(Map.of("stacks", List.of("cflinuxfs4")))).resources())
                .extracting(App::guid).containsExactly("a1");
        assertThat(apps.list(query(Map.of("lifecycle_type", List.of("docker")))).resources())
                .extracting(App::guid).containsExactly("a2");
        var selector = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env=prod"),
                Visibility.everything());
        assertThat(apps.list(selector).resources()).extracting(App::guid).containsExactly("a1");
    }

    @Test
    void ordersByNameAndStateAndPages() {
        var byName = new ListQuery(1, 2, new OrderBy("name", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        var page = apps.list(byName);
        assertThat(page.resources()).extracting(App::guid).containsExactly("a3", "a1");
        assertThat(page.totalResults()).isEqualTo(3);
        apps.update(apps.find("a3").orElseThrow().withState(DesiredState.STARTED, t0));
        var byState = new ListQuery(1, 50, new OrderBy("state", false, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(apps.list(byState).resources()).extracting(App::guid).first().isEqualTo("a3");
    }

    @Test
    void visibilityFollowsSpaceRolesAndOrgManagers() {
        roles.insert(new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "o1", "s1"));
        roles.insert(new Role("r2", t0, t0, RoleType.ORGANIZATION_MANAGER, "u2", "o2", null));
        var spaceRoles = Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_MANAGER, RoleType.SPACE_AUDITOR,
                RoleType.SPACE_SUPPORTER);
        var orgManagers = Set.of(RoleType.ORGANIZATION_MANAGER);
        assertThat(apps.list(query(Map.of()).withVisibility(Visibility.of("u1", spaceRoles, orgManagers)))
                .resources()).extracting(App::guid).containsExactly("a1", "a2");
        assertThat(apps.list(query(Map.of()).withVisibility(Visibility.of("u2", spaceRoles, orgManagers)))
                .resources()).extracting(App::guid).containsExactly("a3");
        assertThat(apps.list(query(Map.of()).withVisibility(Visibility.of("u3", spaceRoles, orgManagers)))
                .resources()).isEmpty();
        assertThat(apps.guidsOnStack("cflinuxfs4", Visibility.of("u2", spaceRoles, orgManagers))).isEmpty();
        assertThat(apps.guidsOnStack("cflinuxfs4", Visibility.everything())).containsExactly("a1");
    }

    @Test
    void namesAreUniquePerSpaceWhateverTheirCase() {
        assertThat(apps.nameTaken("s1", "BANANA")).isTrue();
        assertThat(apps.nameTaken("s2", "banana")).isFalse();
        assertThatThrownBy(() -> apps.insert(app("a4", "Banana", "s1", t0, Lifecycle.docker())))
                .isInstanceOf(AppRepository.NameTaken.class);
        apps.insert(app("a5", "banana", "s2", t0, Lifecycle.docker()));
    }

    @Test
    void stacksInUseAndDelete() {
        assertThat(apps.anyOnStack("cflinuxfs3")).isTrue();
        assertThat(apps.anyOnStack("other")).isFalse();
        assertThat(apps.inSpace("s1")).extracting(App::guid).containsExactly("a1", "a2");
        apps.delete("a3");
        assertThat(apps.find("a3")).isEmpty();
        assertThat(apps.anyOnStack("cflinuxfs3")).isFalse();
    }

    @Test
    void usageEventsRoundTrip() {
        var usage = new JdbiAppUsageEventRepository(db.database().jdbi());
        var e = new AppUsageEvent("u1", t0, "STARTED", "STOPPED", "a1", "banana", "a1", "web", "s1", "one", "o1",
                1024L, null, 2, null, null, null, null, null, null, "STAGED");
        usage.insert(e);
        assertThat(usage.all()).containsExactly(e);
    }
}
