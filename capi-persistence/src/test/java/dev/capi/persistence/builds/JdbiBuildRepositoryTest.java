package dev.capi.persistence.builds;

import dev.capi.domain.builds.BuildFilter;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Build;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiBuildRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiBuildRepository builds;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var metadata = new JdbiMetadataRepository(db.database().jdbi());
        builds = new JdbiBuildRepository(db.database().jdbi(), metadata);
        builds.insert(build("b1", "a1", "s1", "o1", "p1", Build.STAGED, t0));
        builds.insert(build("b2", "a1", "s1", "o1", "p2", Build.STAGING, t0.plusSeconds(10)));
        builds.insert(build("b3", "a2", "s2", "o2", "p3", Build.FAILED, t0.plusSeconds(20)));
        metadata.replace("b3", "build", new Metadata(Map.of("env", "prod"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Build build(String guid, String app, String space, String org, String pkg, String state,
                               Instant at) {
        return new Build(guid, at, at, app, space, org, pkg, "d-" + guid, state, null, "buildpack",
                List.of("ruby_buildpack", "go_buildpack"), "cflinuxfs4", 1024, 2048, -1, "u1", "user", "",
                Metadata.empty());
    }

    private static ListQuery query(Map<BuildFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Build> page) {
        return page.resources().stream().map(Build::guid).toList();
    }

    @Test
    void storesEveryFieldAndUpdatesStateErrorAndDroplet() {
        assertThat(builds.find("b1")).contains(build("b1", "a1", "s1", "o1", "p1", Build.STAGED, t0));
        Build failed = builds.find("b2").orElseThrow().withState(Build.FAILED, "StagingError - staging failed",
                t0.plusSeconds(30));
        builds.update(failed);
        assertThat(builds.find("b2")).contains(failed);
        assertThat(builds.find("b3").orElseThrow().metadata().labels()).containsEntry("env", "prod");
        assertThat(builds.find("nope")).isEmpty();
    }

    @Test
    void knowsWhetherAnAppIsStaging() {
        assertThat(builds.stagingForApp("a1")).isTrue();
        assertThat(builds.stagingForApp("a2")).isFalse();
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(builds.list(query(Map.of(BuildFilter.GUIDS, List.of("b1", "b3")))))).containsExactly("b1",
                "b3");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.APP_GUIDS, List.of("a1")))))).containsExactly("b1",
                "b2");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.PACKAGE_GUIDS, List.of("p2", "p3"))))))
                .containsExactly("b2", "b3");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.STATES, List.of("STAGING")))))).containsExactly("b2");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.SPACE_GUIDS, List.of("s2")))))).containsExactly("b3");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.ORGANIZATION_GUIDS, List.of("o1"))))))
                .containsExactly("b1", "b2");
        assertThat(guids(builds.list(query(Map.of(BuildFilter.APP_GUIDS, List.of("a1"), BuildFilter.STATES,
                List.of("STAGED")))))).containsExactly("b1");
        for (BuildFilter filter : BuildFilter.values()) {
            assertThat(builds.list(query(Map.of(filter, List.of("none")))).totalResults()).isZero();
        }
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var prod = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env=prod"),
                Visibility.everything());
        assertThat(guids(builds.list(prod))).containsExactly("b3");
        var desc = new ListQuery(1, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Build> first = builds.list(desc);
        assertThat(guids(first)).containsExactly("b3", "b2");
        assertThat(first.totalResults()).isEqualTo(3);
        var second = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(guids(builds.list(second))).containsExactly("b1");
    }

    @Test
    void showsBuildsOfTheSpacesTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "o2", "s2"));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_AUDITOR),
                Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(builds.list(query(Map.of()).withVisibility(visible)))).containsExactly("b3");
        assertThat(guids(builds.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void failsOnlyStagingBuildsNotUpdatedSinceTheCutoffOnce() {
        builds.insert(build("b4", "a2", "s2", "o2", "p4", Build.STAGING, t0.plusSeconds(5)));
        Instant cutoff = t0.plusSeconds(11);
        assertThat(builds.stagingSince(cutoff, 10)).containsExactly("b4", "b2");
        assertThat(builds.stagingSince(cutoff, 1)).containsExactly("b4");
        assertThat(builds.stagingSince(t0.plusSeconds(10), 10)).containsExactly("b4");

        Instant now = t0.plusSeconds(60);
        assertThat(builds.failStaging("b2", t0.plusSeconds(10), "late", now)).isFalse();
        assertThat(builds.failStaging("b1", cutoff, "staged", now)).isFalse();
        assertThat(builds.failStaging("b2", cutoff, "expired", now)).isTrue();
        assertThat(builds.failStaging("b2", cutoff, "again", now)).isFalse();
        Build failed = builds.find("b2").orElseThrow();
        assertThat(failed.state()).isEqualTo(Build.FAILED);
        assertThat(failed.error()).isEqualTo("expired");
        assertThat(failed.updatedAt()).isEqualTo(now);
        assertThat(builds.find("b1").orElseThrow().state()).isEqualTo(Build.STAGED);
        assertThat(builds.stagingSince(cutoff, 10)).containsExactly("b4");
    }
}
