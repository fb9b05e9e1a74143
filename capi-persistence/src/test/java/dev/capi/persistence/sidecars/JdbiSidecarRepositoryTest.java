package dev.capi.persistence.sidecars;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.sidecars.SidecarFilter;
import dev.capi.model.Sidecar;
import dev.capi.persistence.TestDatabases;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Sidecars are read through their app (the domain checks visibility), so lists here carry no visibility. */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiSidecarRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiSidecarRepository sidecars;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        sidecars = new JdbiSidecarRepository(db.database().jdbi());
        sidecars.insert(sidecar("c1", "a1", "agent", List.of("web", "worker"), 100L, t0));
        sidecars.insert(sidecar("c2", "a1", "proxy", List.of("web"), null, t0.plusSeconds(10)));
        sidecars.insert(sidecar("c3", "a2", "agent", List.of("worker"), 50L, t0.plusSeconds(20)));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Sidecar sidecar(String guid, String app, String name, List<String> types, Long memory,
                                   Instant at) {
        return new Sidecar(guid, at, at, app, "s-" + app, "o1", name, "./" + name, types, memory, "user");
    }

    private static ListQuery query(Map<SidecarFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Sidecar> page) {
        return page.resources().stream().map(Sidecar::guid).toList();
    }

    @Test
    void storesEveryFieldWithSortedProcessTypesAndAnAbsentMemory() {
        assertThat(sidecars.find("c1")).contains(sidecar("c1", "a1", "agent", List.of("web", "worker"), 100L, t0));
        assertThat(sidecars.find("c2").orElseThrow().memoryInMb()).isNull();
        assertThat(sidecars.find("nope")).isEmpty();
    }

    @Test
    void updatesReplaceTheProcessTypesAndDeletesRemoveThem() {
        var changed = new Sidecar("c1", t0, t0.plusSeconds(5), "a1", "s-a1", "o1", "agent2", "./agent2",
                List.of("clock"), 64L, "user");
        sidecars.update(changed);
        assertThat(sidecars.find("c1")).contains(changed);
        assertThat(guids(sidecars.list(query(Map.of(SidecarFilter.PROCESS_TYPES, List.of("worker"))))))
                .containsExactly("c3");
        sidecars.delete("c1");
        assertThat(sidecars.find("c1")).isEmpty();
        assertThat(guids(sidecars.list(query(Map.of(SidecarFilter.PROCESS_TYPES, List.of("clock")))))).isEmpty();
    }

    @Test
    void namesAreTakenPerAppExceptByTheSidecarItself() {
        assertThat(sidecars.nameTaken("a1", "agent", null)).isTrue();
        assertThat(sidecars.nameTaken("a1", "agent", "c1")).isFalse();
        assertThat(sidecars.nameTaken("a2", "proxy", null)).isFalse();
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(sidecars.list(query(Map.of(SidecarFilter.GUIDS, List.of("c2", "c3"))))))
                .containsExactly("c2", "c3");
        assertThat(guids(sidecars.list(query(Map.of(SidecarFilter.APP_GUIDS, List.of("a1"))))))
                .containsExactly("c1", "c2");
        assertThat(guids(sidecars.list(query(Map.of(SidecarFilter.APP_GUIDS, List.of("a1"),
                SidecarFilter.PROCESS_TYPES, List.of("worker")))))).containsExactly("c1");
        for (SidecarFilter filter : SidecarFilter.values()) {
            assertThat(sidecars.list(query(Map.of(filter, List.of("none")))).totalResults()).isZero();
        }
    }

    @Test
    void ordersAndPaginatesWithTheirProcessTypes() {
        var desc = new ListQuery(1, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Sidecar> first = sidecars.list(desc);
        assertThat(guids(first)).containsExactly("c3", "c2");
        assertThat(first.totalResults()).isEqualTo(3);
        assertThat(first.resources().get(1).processTypes()).containsExactly("web");
        var second = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(sidecars.list(second).resources()).extracting(Sidecar::processTypes)
                .containsExactly(List.of("web", "worker"));
    }
}
