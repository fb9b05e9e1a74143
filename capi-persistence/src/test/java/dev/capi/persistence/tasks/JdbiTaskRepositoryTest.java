package dev.capi.persistence.tasks;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.tasks.TaskFilter;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Task;
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

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiTaskRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiTaskRepository tasks;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        metadata = new JdbiMetadataRepository(db.database().jdbi());
        tasks = new JdbiTaskRepository(db.database().jdbi(), metadata);
        tasks.insert(task("t1", "a1", "s1", "o1", 1, "migrate", Task.RUNNING, t0));
        tasks.insert(task("t2", "a1", "s1", "o1", 2, "seed", Task.SUCCEEDED, t0.plusSeconds(10)));
        tasks.insert(task("t3", "a2", "s2", "o2", 1, "migrate", Task.FAILED, t0.plusSeconds(20)));
        metadata.replace("t2", "task", new Metadata(Map.of("env", "prod"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Task task(String guid, String app, String space, String org, int seq, String name, String state,
                             Instant at) {
        return new Task(guid, at, at, app, space, org, seq, name, "run " + name, "vcap", state, 256, 1024, -1,
                "d-" + app, null, Metadata.empty());
    }

    private static ListQuery query(Map<TaskFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new java.util.HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Task> page) {
        return page.resources().stream().map(Task::guid).toList();
    }

    @Test
    void storesEveryFieldAndUpdatesStateAndFailureReason() {
        Task t1 = tasks.find("t1").orElseThrow();
        assertThat(t1).isEqualTo(task("t1", "a1", "s1", "o1", 1, "migrate", Task.RUNNING, t0));
        Task failed = t1.withState(Task.FAILED, "boom", t0.plusSeconds(99));
        tasks.update(failed);
        assertThat(tasks.find("t1")).contains(failed);
        assertThat(tasks.find("t2").orElseThrow().metadata().labels()).containsEntry("env", "prod");
        assertThat(tasks.find("nope")).isEmpty();
    }

    @Test
    void sequenceIdsCountPerApp() {
        assertThat(tasks.nextSequenceId("a1")).isEqualTo(3);
        assertThat(tasks.nextSequenceId("a2")).isEqualTo(2);
        assertThat(tasks.nextSequenceId("new")).isEqualTo(1);
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.GUIDS, List.of("t1", "t3")))))).containsExactly("t1", "t3");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.NAMES, List.of("migrate")))))).containsExactly("t1", "t3");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.STATES, List.of("SUCCEEDED", "FAILED"))))))
                .containsExactly("t2", "t3");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.APP_GUIDS, List.of("a1")))))).containsExactly("t1", "t2");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.SPACE_GUIDS, List.of("s2")))))).containsExactly("t3");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.ORGANIZATION_GUIDS, List.of("o1"))))))
                .containsExactly("t1", "t2");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.SEQUENCE_IDS, List.of("1", "x"))))))
                .containsExactly("t1", "t3");
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.SEQUENCE_IDS, List.of("x")))))).isEmpty();
        assertThat(guids(tasks.list(query(Map.of(TaskFilter.APP_GUIDS, List.of("a1"), TaskFilter.SEQUENCE_IDS,
                List.of("2")))))).containsExactly("t2");
    }

    @Test
    void selectsByLabels() {
        var prod = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env=prod"),
                Visibility.everything());
        assertThat(guids(tasks.list(prod))).containsExactly("t2");
    }

    @Test
    void ordersByTimestampsEitherWayAndPaginatesWithTotal() {
        var desc = new ListQuery(1, 50, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(guids(tasks.list(desc))).containsExactly("t3", "t2", "t1");
        var second = new ListQuery(2, 2, new OrderBy("updated_at", false, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Task> page = tasks.list(second);
        assertThat(guids(page)).containsExactly("t3");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void showsTasksOfTheSpacesAndOrgsTheUserMayRead() {
        var roles = new JdbiRoleRepository(db.database().jdbi());
        roles.insert(new Role("r1", t0, t0, RoleType.SPACE_DEVELOPER, "u1", "o1", "s1"));
        roles.insert(new Role("r2", t0, t0, RoleType.ORGANIZATION_AUDITOR, "u2", "o2", null));
        var spaceRoles = Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_MANAGER, RoleType.SPACE_AUDITOR,
                RoleType.SPACE_SUPPORTER);
        var q = query(Map.of());
        assertThat(guids(tasks.list(q.withVisibility(Visibility.of("u1", spaceRoles,
                Set.of(RoleType.ORGANIZATION_MANAGER)))))).containsExactly("t1", "t2");
        assertThat(guids(tasks.list(q.withVisibility(Visibility.of("u2", spaceRoles,
                Set.of(RoleType.ORGANIZATION_MANAGER)))))).isEmpty();
        assertThat(guids(tasks.list(q.withVisibility(Visibility.of("u2", spaceRoles,
                Set.of(RoleType.ORGANIZATION_AUDITOR)))))).containsExactly("t3");
        assertThat(guids(tasks.list(q.withVisibility(Visibility.nothing())))).isEmpty();
    }
}
