package dev.capi.persistence.revisions;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.revisions.RevisionFilter;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Revision;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.apps.JdbiAppRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.processes.JdbiProcessRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
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
class JdbiRevisionRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiRevisionRepository revisions;
    private JdbiProcessRepository processes;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        revisions = new JdbiRevisionRepository(jdbi, metadata);
        processes = new JdbiProcessRepository(jdbi, metadata);
        new JdbiOrganizationRepository(jdbi, metadata).insert(
                new Organization("o1", t0, t0, "org", false, null, Metadata.empty()));
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        spaces.insert(new Space("s1", t0, t0, "one", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "two", "o1", false, true, null, null, Metadata.empty()));
        var apps = new JdbiAppRepository(jdbi, metadata);
        apps.insert(new App("a1", t0, t0, "one", "s1", null, DesiredState.STARTED, Lifecycle.docker(), Map.of(),
                null, App.Features.defaults(true), Metadata.empty()));
        revisions.insert(revision("r1", "a1", "s1", 1, t0));
        revisions.insert(revision("r2", "a1", "s1", 2, t0.plusSeconds(10)));
        revisions.insert(revision("r3", "a2", "s2", 1, t0.plusSeconds(20)));
        metadata.replace("r2", "revision", new Metadata(Map.of("release", "v2"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Revision revision(String guid, String app, String space, int version, Instant at) {
        return new Revision(guid, at, at, app, space, "o1", version, "d-" + guid,
                Map.of("A", "1", "N", 2), Map.of("web", "serve"), "Initial revision.", true, Metadata.empty());
    }

    private static ListQuery query(Map<RevisionFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Revision> page) {
        return page.resources().stream().map(Revision::guid).toList();
    }

    private void process(String guid, String revision, DesiredState state) {
        processes.insert(new AppProcess(guid, t0, t0, "a1", null, null, guid, null, null, 1, 256, 1024, -1,
                AppProcess.HealthCheck.of("port"), AppProcess.HealthCheck.of("process"), state, "v", revision,
                Metadata.empty()));
    }

    @Test
    void storesEveryFieldFindsTheLatestAndTouches() {
        assertThat(revisions.find("r1")).contains(revision("r1", "a1", "s1", 1, t0));
        assertThat(revisions.latestForApp("a1").map(Revision::guid)).contains("r2");
        assertThat(revisions.latestForApp("none")).isEmpty();
        revisions.touch("r1", t0.plusSeconds(99));
        assertThat(revisions.find("r1").orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(99));
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(revisions.list(query(Map.of(RevisionFilter.GUIDS, List.of("r1", "r3"))))))
                .containsExactly("r1", "r3");
        assertThat(guids(revisions.list(query(Map.of(RevisionFilter.APP_GUIDS, List.of("a1"))))))
                .containsExactly("r1", "r2");
        assertThat(guids(revisions.list(query(Map.of(RevisionFilter.APP_GUIDS, List.of("a1"),
                RevisionFilter.VERSIONS, List.of("2", "x")))))).containsExactly("r2");
        assertThat(guids(revisions.list(query(Map.of(RevisionFilter.VERSIONS, List.of("x")))))).isEmpty();
        process("web", "r1", DesiredState.STARTED);
        process("worker", "r2", DesiredState.STOPPED);
        assertThat(guids(revisions.list(query(Map.of(RevisionFilter.DEPLOYED_FOR, List.of("a1"))))))
                .containsExactly("r1");
    }

    @Test
    void deployedRevisionsAreThoseTheAppsStartedProcessesRun() {
        process("web", "r1", DesiredState.STARTED);
        process("worker", "r2", DesiredState.STARTED);
        assertThat(guids(revisions.deployedForApp("a1", query(Map.of())))).containsExactly("r1", "r2");
        assertThat(guids(revisions.deployedForApp("a2", query(Map.of())))).isEmpty();
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var v2 = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("release=v2"),
                Visibility.everything());
        assertThat(guids(revisions.list(v2))).containsExactly("r2");
        var desc = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Revision> page = revisions.list(desc);
        assertThat(guids(page)).containsExactly("r1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void showsRevisionsOfTheSpacesTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("x", t0, t0, RoleType.SPACE_DEVELOPER, "u1", "o1", "s2"));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(revisions.list(query(Map.of()).withVisibility(visible)))).containsExactly("r3");
        assertThat(guids(revisions.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }
}
