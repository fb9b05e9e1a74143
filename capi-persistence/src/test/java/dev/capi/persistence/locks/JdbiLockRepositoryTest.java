package dev.capi.persistence.locks;

import dev.capi.domain.locks.LockFilter;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Lock;
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
class JdbiLockRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiLockRepository locks;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        metadata = new JdbiMetadataRepository(db.database().jdbi());
        locks = new JdbiLockRepository(db.database().jdbi(), metadata);
        locks.insert(lock("l1", "a1", "s1", "o1", t0));
        locks.insert(lock("l2", "a2", "s1", "o1", t0.plusSeconds(10)));
        locks.insert(lock("l3", "a3", "s2", "o2", t0.plusSeconds(20)));
        metadata.replace("l2", "lock", new Metadata(Map.of("reason", "audit"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Lock lock(String guid, String app, String space, String org, Instant at) {
        return new Lock(guid, at, at, "title " + guid, "detail " + guid, app, space, org, Metadata.empty());
    }

    private static ListQuery query(Map<LockFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Lock> page) {
        return page.resources().stream().map(Lock::guid).toList();
    }

    @Test
    void storesEveryFieldUpdatesTheDetailAndDeletesWithMetadata() {
        assertThat(locks.find("l1")).contains(lock("l1", "a1", "s1", "o1", t0));
        assertThat(locks.anyOnApp("a1")).isTrue();
        assertThat(locks.anyOnApp("a9")).isFalse();
        Lock changed = new Lock("l1", t0, t0.plusSeconds(5), "title l1", "new detail", "a1", "s1", "o1",
                Metadata.empty());
        locks.update(changed);
        assertThat(locks.find("l1")).contains(changed);
        locks.delete("l2");
        assertThat(locks.find("l2")).isEmpty();
        assertThat(metadata.load("l2").labels()).isEmpty();
    }

    @Test
    void deletingASpacesLocksLeavesTheOthers() {
        locks.deleteForSpace("s1");
        assertThat(guids(locks.list(query(Map.of())))).containsExactly("l3");
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(locks.list(query(Map.of(LockFilter.GUIDS, List.of("l1", "l3")))))).containsExactly("l1",
                "l3");
        assertThat(guids(locks.list(query(Map.of(LockFilter.APP_GUIDS, List.of("a2")))))).containsExactly("l2");
        assertThat(guids(locks.list(query(Map.of(LockFilter.SPACE_GUIDS, List.of("s1")))))).containsExactly("l1",
                "l2");
        assertThat(guids(locks.list(query(Map.of(LockFilter.ORGANIZATION_GUIDS, List.of("o2"))))))
                .containsExactly("l3");
        for (LockFilter filter : LockFilter.values()) {
            assertThat(locks.list(query(Map.of(filter, List.of("none")))).totalResults()).isZero();
        }
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var audit = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("reason=audit"),
                Visibility.everything());
        assertThat(guids(locks.list(audit))).containsExactly("l2");
        var desc = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Lock> page = locks.list(desc);
        assertThat(guids(page)).containsExactly("l1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void showsLocksOfTheSpacesTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "o2", "s2"));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_AUDITOR), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(locks.list(query(Map.of()).withVisibility(visible)))).containsExactly("l3");
        assertThat(guids(locks.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }
}
