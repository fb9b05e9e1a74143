package dev.capi.persistence.droplets;

import dev.capi.domain.droplets.DropletFilter;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Droplet;
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
class JdbiDropletRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiDropletRepository droplets;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var metadata = new JdbiMetadataRepository(db.database().jdbi());
        droplets = new JdbiDropletRepository(db.database().jdbi(), metadata);
        droplets.insert(droplet("d1", "a1", "s1", "o1", "p1", Droplet.STAGED, t0));
        droplets.insert(droplet("d2", "a1", "s1", "o1", "p2", Droplet.AWAITING_UPLOAD, t0.plusSeconds(10)));
        droplets.insert(droplet("d3", "a2", "s2", "o2", "p2", Droplet.FAILED, t0.plusSeconds(20)));
        metadata.replace("d1", "droplet", new Metadata(Map.of("env", "prod"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Droplet droplet(String guid, String app, String space, String org, String pkg, String state,
                                   Instant at) {
        return new Droplet(guid, at, at, app, space, org, pkg, "b-" + guid, state, null, "buildpack",
                Map.of("web", "bundle exec rackup", "worker", "rake work"), "{\"start\":\"x\"}",
                List.of("ruby_buildpack"), "cflinuxfs4", null, null, null, null, Metadata.empty());
    }

    private static ListQuery query(Map<DropletFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Droplet> page) {
        return page.resources().stream().map(Droplet::guid).toList();
    }

    @Test
    void storesEveryFieldFindsByBuildUpdatesAndDeletes() {
        assertThat(droplets.find("d1")).contains(droplet("d1", "a1", "s1", "o1", "p1", Droplet.STAGED, t0)
                .withMetadata(new Metadata(Map.of("env", "prod"), Map.of())));
        assertThat(droplets.findByBuild("b-d2").map(Droplet::guid)).contains("d2");
        Droplet uploaded = droplets.find("d2").orElseThrow().withBits("sha1", "sha256", "droplets/d2",
                t0.plusSeconds(30)).withState(Droplet.PROCESSING_UPLOAD, null, t0.plusSeconds(30));
        droplets.update(uploaded);
        assertThat(droplets.find("d2")).contains(uploaded);
        droplets.delete("d2");
        assertThat(droplets.find("d2")).isEmpty();
        assertThat(droplets.findByBuild("b-d2")).isEmpty();
    }

    @Test
    void everyDeclaredColumnFilterHasAColumn() {
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.GUIDS, List.of("d1", "d3"))))))
                .containsExactly("d1", "d3");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.APP_GUIDS, List.of("a1"))))))
                .containsExactly("d1", "d2");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.SPACE_GUIDS, List.of("s2"))))))
                .containsExactly("d3");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.ORGANIZATION_GUIDS, List.of("o1"))))))
                .containsExactly("d1", "d2");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.STATES, List.of("STAGED", "FAILED"))))))
                .containsExactly("d1", "d3");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.PACKAGE_GUIDS, List.of("p2"))))))
                .containsExactly("d2", "d3");
        assertThat(guids(droplets.list(query(Map.of(DropletFilter.GUIDS, List.of(""), DropletFilter.APP_GUIDS,
                List.of("a1")))))).isEmpty();
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var prod = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("env"),
                Visibility.everything());
        assertThat(guids(droplets.list(prod))).containsExactly("d1");
        var desc = new ListQuery(2, 2, new OrderBy("updated_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Droplet> page = droplets.list(desc);
        assertThat(guids(page)).containsExactly("d1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void showsDropletsOfTheSpacesAndOrgsTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.ORGANIZATION_MANAGER, "u1", "o2", null));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(droplets.list(query(Map.of()).withVisibility(visible)))).containsExactly("d3");
        assertThat(guids(droplets.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }
}
