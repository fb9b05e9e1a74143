package dev.capi.persistence.processes;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.apps.JdbiAppRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.quotas.JdbiQuotaUsageRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
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
class JdbiProcessRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiProcessRepository processes;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        processes = new JdbiProcessRepository(jdbi, metadata);
        new JdbiOrganizationRepository(jdbi, metadata).insert(
                new Organization("o1", t0, t0, "org", false, null, Metadata.empty()));
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        spaces.insert(new Space("s1", t0, t0, "one", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "two", "o1", false, true, null, null, Metadata.empty()));
        var apps = new JdbiAppRepository(jdbi, metadata);
        apps.insert(new App("a1", t0, t0, "one", "s1", null, DesiredState.STARTED, Lifecycle.docker(), Map.of(),
                null, App.Features.defaults(true), Metadata.empty()));
        apps.insert(new App("a2", t0, t0, "two", "s2", null, DesiredState.STOPPED, Lifecycle.docker(), Map.of(),
                null, App.Features.defaults(true), Metadata.empty()));
        processes.insert(process("a1", "a1", "web", DesiredState.STARTED, 2, 256));
        processes.insert(process("p2", "a1", "worker", DesiredState.STARTED, 1, 128));
        processes.insert(process("a2", "a2", "web", DesiredState.STOPPED, 5, 1024));
        metadata.replace("a1", "app", new Metadata(Map.of("app", "label"), Map.of()));
        metadata.replace(AppProcess.metadataKey("a1"), "process", new Metadata(Map.of("tier", "web"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private AppProcess process(String guid, String app, String type, DesiredState state, int instances, long mem) {
        return new AppProcess(guid, t0, t0, app, null, null, type, null, null, instances, mem, 1024, 1048576,
                new HealthCheck("http", "/health", 60, 5, 10), new HealthCheck("process", null, null, null, null),
                state, "v-" + guid, null, Metadata.empty());
    }

    private static ListQuery query(Map<String, List<String>> filters) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, Visibility.everything());
    }

    @Test
    void roundTripsEveryFieldAndKeepsProcessLabelsApartFromTheApps() {
        AppProcess web = processes.find("a1").orElseThrow();
        assertThat(web.spaceGuid()).isEqualTo("s1");
        assertThat(web.organizationGuid()).isEqualTo("o1");
        assertThat(web.healthCheck()).isEqualTo(new HealthCheck("http", "/health", 60, 5, 10));
        assertThat(web.readinessCheck()).isEqualTo(new HealthCheck("process", null, null, null, null));
        assertThat(web.metadata().labels()).containsExactly(Map.entry("tier", "web"));
        assertThat(web.logRateLimit()).isEqualTo(1048576);
        var changed = web.withScale(4, 512, 2048, -1, "v2", t0.plusSeconds(5))
                .withSettings("run", "vcap", HealthCheck.of("port"), new HealthCheck("http", "/r", null, 3, 4), "v2",
                        t0.plusSeconds(5))
                .withState(DesiredState.STOPPED, "v2", t0.plusSeconds(5));
        processes.update(changed);
        assertThat(processes.find("a1").orElseThrow()).isEqualTo(changed.withMetadata(web.metadata()));
        assertThat(processes.findByType("a1", "worker").orElseThrow().guid()).isEqualTo("p2");
        assertThat(processes.forApps(List.of("a1", "a2"))).extracting(AppProcess::guid)
                .containsExactly("a1", "p2", "a2");
    }

    @Test
    void filtersVisibilityAndLabels() {
        assertThat(processes.list(query(Map.of("types", List.of("web")))).resources())
                .extracting(AppProcess::guid).containsExactly("a1", "a2");
        assertThat(processes.list(query(Map.of("app_guids", List.of("a1")))).resources())
                .extracting(AppProcess::guid).containsExactly("a1", "p2");
        assertThat(processes.list(query(Map.of("space_guids", List.of("s2")))).resources())
                .extracting(AppProcess::guid).containsExactly("a2");
        assertThat(processes.list(query(Map.of("organization_guids", List.of("o1")))).totalResults()).isEqualTo(3);
        var byLabel = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("tier=web"),
                Visibility.everything());
        assertThat(processes.list(byLabel).resources()).extracting(AppProcess::guid).containsExactly("a1");
        var appLabel = new ListQuery(1, 50, OrderBy.byId(), Map.of(), List.of(), LabelSelector.parse("app"),
                Visibility.everything());
        assertThat(processes.list(appLabel).resources()).isEmpty();
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r", t0, t0, RoleType.SPACE_DEVELOPER, "u", "o1", "s2"));
        var visible = Visibility.of("u", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(processes.list(query(Map.of()).withVisibility(visible)).resources())
                .extracting(AppProcess::guid).containsExactly("a2");
    }

    @Test
    void startedProcessesCountAgainstQuotas() {
        var usage = new JdbiQuotaUsageRepository(db.database().jdbi());
        var space = usage.space("s1");
        assertThat(space.startedInstances()).isEqualTo(3);
        assertThat(space.quotaMemoryInMb()).isEqualTo(2 * 256 + 128);
        assertThat(usage.space("s2").startedInstances()).isZero();
        processes.delete("p2");
        assertThat(usage.space("s1").startedInstances()).isEqualTo(2);
    }
}
