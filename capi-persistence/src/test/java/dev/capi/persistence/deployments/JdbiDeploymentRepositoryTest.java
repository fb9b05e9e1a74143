package dev.capi.persistence.deployments;

import dev.capi.domain.deployments.DeploymentFilter;
import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Deployment;
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
class JdbiDeploymentRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiDeploymentRepository deployments;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var metadata = new JdbiMetadataRepository(db.database().jdbi());
        deployments = new JdbiDeploymentRepository(db.database().jdbi(), metadata);
        deployments.insert(deployment("x1", "a1", "s1", "o1", Deployment.DEPLOYED, Deployment.FINALIZED,
                Deployment.DEPLOYED, "rolling", List.of(), t0));
        deployments.insert(deployment("x2", "a1", "s1", "o1", Deployment.PAUSED, Deployment.ACTIVE,
                Deployment.PAUSED, "canary", List.of(20, 60), t0.plusSeconds(10)));
        deployments.insert(deployment("x3", "a2", "s2", "o2", Deployment.DEPLOYING, Deployment.ACTIVE,
                Deployment.DEPLOYING, "rolling", List.of(), t0.plusSeconds(20)));
        metadata.replace("x3", "deployment", new Metadata(Map.of("team", "blue"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private static Deployment deployment(String guid, String app, String space, String org, String state,
                                         String value, String reason, String strategy, List<Integer> steps,
                                         Instant at) {
        return new Deployment(guid, at, at, app, space, org, state, value, reason, strategy, "d2", "d1", "r1", 3,
                "new-" + guid, "old-" + guid, 4, 2, at, at, steps, 1, Metadata.empty());
    }

    private static ListQuery query(Map<DeploymentFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<Deployment> page) {
        return page.resources().stream().map(Deployment::guid).toList();
    }

    @Test
    void storesEveryFieldAndUpdatesStatusAndCanaryStep() {
        assertThat(deployments.find("x2")).contains(deployment("x2", "a1", "s1", "o1", Deployment.PAUSED,
                Deployment.ACTIVE, Deployment.PAUSED, "canary", List.of(20, 60), t0.plusSeconds(10)));
        Deployment next = deployments.find("x2").orElseThrow().withStatus(Deployment.PREPAUSED, Deployment.ACTIVE,
                Deployment.DEPLOYING, t0.plusSeconds(30)).atStep(2);
        deployments.update(next);
        assertThat(deployments.find("x2")).contains(next);
        assertThat(deployments.find("x3").orElseThrow().metadata().labels()).containsEntry("team", "blue");
        assertThat(deployments.find("nope")).isEmpty();
    }

    @Test
    void activeDeploymentsOfAnApp() {
        assertThat(deployments.activeForApp("a1")).extracting(Deployment::guid).containsExactly("x2");
        assertThat(deployments.activeForApp("a3")).isEmpty();
    }

    @Test
    void everyDeclaredFilterHasAColumn() {
        assertThat(guids(deployments.list(query(Map.of(DeploymentFilter.GUIDS, List.of("x3")))))).containsExactly(
                "x3");
        assertThat(guids(deployments.list(query(Map.of(DeploymentFilter.APP_GUIDS, List.of("a1"))))))
                .containsExactly("x1", "x2");
        assertThat(guids(deployments.list(query(Map.of(DeploymentFilter.STATES, List.of("PAUSED", "DEPLOYING"))))))
                .containsExactly("x2", "x3");
        assertThat(guids(deployments.list(query(Map.of(DeploymentFilter.STATUS_VALUES, List.of("ACTIVE"))))))
                .containsExactly("x2", "x3");
        assertThat(guids(deployments.list(query(Map.of(DeploymentFilter.STATUS_REASONS, List.of("DEPLOYED"))))))
                .containsExactly("x1");
        for (DeploymentFilter filter : DeploymentFilter.values()) {
            assertThat(deployments.list(query(Map.of(filter, List.of("none")))).totalResults()).isZero();
        }
    }

    @Test
    void selectsByLabelsOrdersAndPaginates() {
        var blue = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("team in (blue)"),
                Visibility.everything());
        assertThat(guids(deployments.list(blue))).containsExactly("x3");
        var desc = new ListQuery(1, 2, new OrderBy("created_at", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<Deployment> page = deployments.list(desc);
        assertThat(guids(page)).containsExactly("x3", "x2");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void showsDeploymentsOfTheSpacesTheUserMayRead() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.SPACE_SUPPORTER, "u1", "o1", "s1"));
        var visible = Visibility.of("u1", Set.of(RoleType.SPACE_SUPPORTER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(deployments.list(query(Map.of()).withVisibility(visible)))).containsExactly("x1", "x2");
        assertThat(guids(deployments.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void findForUpdateHoldsTheRowLockUntilTheTransactionEnds() throws Exception {
        var jdbi = db.database().jdbi();
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            new dev.capi.persistence.JdbiTransactions(jdbi).run(() -> {
                assertThat(deployments.findForUpdate("x3")).map(Deployment::guid).contains("x3");
                var other = executor.submit(() -> jdbi.inTransaction(h -> h.createQuery(
                        "SELECT guid FROM deployments WHERE guid IN ('x2', 'x3') FOR UPDATE SKIP LOCKED")
                        .mapTo(String.class).list()));
                try {
                    assertThat(other.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("x3 is locked")
                            .containsExactly("x2");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            var after = executor.submit(() -> jdbi.inTransaction(h -> h.createQuery(
                    "SELECT guid FROM deployments WHERE guid = 'x3' FOR UPDATE SKIP LOCKED").mapTo(String.class)
                    .list()));
            assertThat(after.get(20, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("x3");
            assertThat(deployments.findForUpdate("nope")).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }
}
