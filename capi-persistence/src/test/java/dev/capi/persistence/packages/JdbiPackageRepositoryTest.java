package dev.capi.persistence.packages;

import dev.capi.domain.packages.PackageFilter;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.AppPackage;
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
class JdbiPackageRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiPackageRepository packages;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var metadata = new JdbiMetadataRepository(db.database().jdbi());
        packages = new JdbiPackageRepository(db.database().jdbi(), metadata);
        packages.insert(pkg("p1", "a1", "s1", "o1", AppPackage.BITS, AppPackage.READY, t0));
        packages.insert(pkg("p2", "a1", "s1", "o1", AppPackage.BITS, AppPackage.AWAITING_UPLOAD, t0.plusSeconds(10)));
        packages.insert(pkg("p3", "a2", "s2", "o2", AppPackage.DOCKER, AppPackage.READY, t0.plusSeconds(20)));
        metadata.replace("p1", "package", new Metadata(Map.of("commit", "abc"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static AppPackage pkg(String guid, String app, String space, String org, String type, String state,
                                  Instant at) {
        boolean docker = AppPackage.DOCKER.equals(type);
        return new AppPackage(guid, at, at, app, space, org, type, state, null, docker ? null : "sha1-" + guid,
                docker ? null : "sha256-" + guid, docker ? null : "packages/" + guid, docker ? "nginx" : null,
                docker ? "user" : null, docker ? "secret" : null, Metadata.empty());
    }

    private static ListQuery query(Map<PackageFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<AppPackage> page) {
        return page.resources().stream().map(AppPackage::guid).toList();
    }

    @Test
    void storesEveryFieldUpdatesStateBitsAndCredentialsAndDeletes() {
        assertThat(packages.find("p3")).contains(pkg("p3", "a2", "s2", "o2", AppPackage.DOCKER, AppPackage.READY,
                t0.plusSeconds(20)));
        assertThat(packages.find("p1").orElseThrow().metadata().labels()).containsEntry("commit", "abc");
        AppPackage uploaded = packages.find("p2").orElseThrow().withBits("s1", "s256", "packages/p2",
                t0.plusSeconds(30));
        packages.update(uploaded);
        assertThat(packages.find("p2")).contains(uploaded);
        packages.delete("p2");
        assertThat(packages.find("p2")).isEmpty();
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(packages.list(query(Map.of(PackageFilter.GUIDS, List.of("p1", "p3"))))))
                .containsExactly("p1", "p3");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.APP_GUIDS, List.of("a1"))))))
                .containsExactly("p1", "p2");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.SPACE_GUIDS, List.of("s2"))))))
                .containsExactly("p3");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.ORGANIZATION_GUIDS, List.of("o1"))))))
                .containsExactly("p1", "p2");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.STATES, List.of("READY"))))))
                .containsExactly("p1", "p3");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.TYPES, List.of("docker")))))).containsExactly("p3");
        assertThat(guids(packages.list(query(Map.of(PackageFilter.APP_GUIDS, List.of("a1"), PackageFilter.STATES,
                List.of("READY"), PackageFilter.TYPES, List.of("bits")))))).containsExactly("p1");
        for (PackageFilter filter : PackageFilter.values()) {
            assertThat(packages.list(query(Map.of(filter, List.of("none")))).totalResults()).isZero();
        }
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var commit = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("commit"),
                Visibility.everything());
        assertThat(guids(packages.list(commit))).containsExactly("p1");
        var desc = new ListQuery(1, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<AppPackage> first = packages.list(desc);
        assertThat(guids(first)).containsExactly("p3", "p2");
        assertThat(first.totalResults()).isEqualTo(3);
        var second = new ListQuery(2, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        assertThat(guids(packages.list(second))).containsExactly("p1");
    }

    @Test
    void showsPackagesOfTheSpacesAndOrgsTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.ORGANIZATION_MANAGER, "u1", "o1", null));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(packages.list(query(Map.of()).withVisibility(visible)))).containsExactly("p1", "p2");
        assertThat(guids(packages.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void failsStalePackagesInTheGivenStatesInOneConditionalUpdate() {
        packages.insert(pkg("p4", "a1", "s1", "o1", AppPackage.BITS, AppPackage.PROCESSING_UPLOAD, t0));
        packages.insert(pkg("p5", "a1", "s1", "o1", AppPackage.BITS, AppPackage.COPYING, t0.plusSeconds(5)));
        packages.insert(pkg("p6", "a1", "s1", "o1", AppPackage.BITS, AppPackage.PROCESSING_UPLOAD,
                t0.plusSeconds(30)));
        Instant now = t0.plusSeconds(60);
        List<String> pending = List.of(AppPackage.PROCESSING_UPLOAD, AppPackage.COPYING);

        assertThat(packages.failStale(pending, t0.plusSeconds(30), "expired", now)).isEqualTo(2);

        for (String guid : List.of("p4", "p5")) {
            AppPackage p = packages.find(guid).orElseThrow();
            assertThat(p.state()).isEqualTo(AppPackage.FAILED);
            assertThat(p.error()).isEqualTo("expired");
            assertThat(p.updatedAt()).isEqualTo(now);
        }
        assertThat(packages.find("p6").orElseThrow().state()).isEqualTo(AppPackage.PROCESSING_UPLOAD);
        assertThat(packages.find("p2").orElseThrow().state()).isEqualTo(AppPackage.AWAITING_UPLOAD);
        assertThat(packages.find("p1").orElseThrow().state()).isEqualTo(AppPackage.READY);
        assertThat(packages.failStale(pending, t0.plusSeconds(30), "expired", now)).isZero();
        assertThat(packages.failStale(List.of(), t0.plusSeconds(99), "expired", now)).isZero();
    }
}
