package dev.capi.persistence.serviceinstances;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.serviceinstances.ServiceInstanceFilter;
import dev.capi.domain.serviceinstances.ServiceInstanceRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceInstance;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiServiceInstanceRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiServiceInstanceRepository instances;
    private JdbiOfferedPlans plans;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        spaces.insert(new Space("s1", t0, t0, "one", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "two", "o2", false, true, null, null, Metadata.empty()));
        instances = new JdbiServiceInstanceRepository(jdbi, metadata, spaces);
        plans = new JdbiOfferedPlans(jdbi);
        jdbi.useHandle(h -> {
            Timestamp now = Timestamp.from(t0);
            h.execute("INSERT INTO service_brokers (guid, created_at, updated_at, name, url, auth_username, "
                    + "auth_password, state) VALUES ('b1', ?, ?, 'broker', 'http://b', 'user', 'secret', 'AVAILABLE')",
                    now, now);
            h.execute("INSERT INTO service_offerings (guid, created_at, updated_at, service_broker_guid, "
                    + "broker_catalog_id, name, description, bindable, plan_updateable, shareable) "
                    + "VALUES ('so1', ?, ?, 'b1', 'so-id', 'db', 'd', TRUE, TRUE, TRUE)", now, now);
            h.execute("INSERT INTO service_plans (guid, created_at, updated_at, service_offering_guid, "
                    + "broker_catalog_id, name, description, free, maximum_polling_duration, maintenance_info, public) "
                    + "VALUES ('p1', ?, ?, 'so1', 'p-id', 'small', 'd', FALSE, 30, '{\"version\":\"1.2.3\"}', FALSE)",
                    now, now);
            h.execute("INSERT INTO service_plan_visibilities (created_at, service_plan_guid, organization_guid) "
                    + "VALUES (?, 'p1', 'o2')", now);
        });
        instances.insert(userProvided("u1", "alpha", "s1"));
        instances.insert(managed("m1", "beta", "s1", null));
        instances.insert(managed("m2", "gamma", "s2", t0.plusSeconds(5)));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private ServiceInstance userProvided(String guid, String name, String space) {
        return new ServiceInstance(guid, t0, t0, name, space, ServiceInstance.USER_PROVIDED, null, List.of("a", "b"),
                null, null, Map.of("password", "pw", "port", 5432), "syslog://x", "https://r",
                new ServiceInstance.LastOperation("create", "succeeded", "Operation succeeded", t0, t0), null,
                Metadata.empty());
    }

    private ServiceInstance managed(String guid, String name, String space, Instant nextPoll) {
        var polling = nextPoll == null ? ServiceInstance.Polling.NONE : new ServiceInstance.Polling("op", "job-" + guid,
                nextPoll, nextPoll.plusSeconds(60), Map.of("parameters", Map.of("size", 1)));
        return new ServiceInstance(guid, t0, t0, name, space, ServiceInstance.MANAGED, "p1", List.of(), "https://dash",
                Map.of("version", "1.2.3"), null, null, null,
                new ServiceInstance.LastOperation("create", "in progress", null, t0, t0), polling, Metadata.empty());
    }

    private static ListQuery query(Map<ServiceInstanceFilter, List<String>> filters) {
        Map<String, List<String>> byKey = new HashMap<>();
        filters.forEach((k, v) -> byKey.put(k.key(), v));
        return new ListQuery(1, 50, OrderBy.byId(), byKey, List.of(), null, Visibility.everything());
    }

    private static List<String> guids(Page<ServiceInstance> page) {
        return page.resources().stream().map(ServiceInstance::guid).toList();
    }

    @Test
    void storesEveryFieldAndRefusesADuplicateNameInOneSpace() {
        assertThat(instances.find("u1")).contains(userProvided("u1", "alpha", "s1"));
        assertThat(instances.find("m2")).contains(managed("m2", "gamma", "s2", t0.plusSeconds(5)));
        assertThat(instances.nameTaken("s1", "alpha")).isTrue();
        assertThat(instances.nameTaken("s2", "alpha")).isFalse();
        assertThat(instances.findByName("s1", "beta")).map(ServiceInstance::guid).contains("m1");
        assertThatThrownBy(() -> instances.insert(userProvided("u2", "alpha", "s1")))
                .isInstanceOf(ServiceInstanceRepository.NameTaken.class);
        var done = managed("m2", "gamma", "s2", null).withOperation(
                new ServiceInstance.LastOperation("create", "succeeded", "done", t0, t0.plusSeconds(9)),
                ServiceInstance.Polling.NONE, t0.plusSeconds(9));
        instances.update(done);
        assertThat(instances.find("m2")).contains(done);
        metadata.replace("m1", "service_instances", new Metadata(Map.of("tier", "gold"), Map.of()));
        instances.delete("m1");
        assertThat(instances.find("m1")).isEmpty();
        assertThat(metadata.load("m1")).isEqualTo(Metadata.empty());
    }

    @Test
    void filtersByNameTypeSpaceOrganizationAndPlanAndOrdersByName() {
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.NAMES, List.of("beta", "gamma"))))))
                .containsExactly("m1", "m2");
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.TYPE, List.of("user-provided"))))))
                .containsExactly("u1");
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.ORGANIZATION_GUIDS, List.of("o2"))))))
                .containsExactly("m2");
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.SERVICE_PLAN_NAMES, List.of("small"))))))
                .containsExactly("m1", "m2");
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.SERVICE_PLAN_GUIDS, List.of("p1"))))))
                .containsExactly("m1", "m2");
        instances.share("m2", List.of("s1"));
        assertThat(guids(instances.list(query(Map.of(ServiceInstanceFilter.SPACE_GUIDS, List.of("s1"))))))
                .containsExactly("u1", "m1", "m2");
        var byNameDesc = new ListQuery(1, 2, new OrderBy("name", true, true), Map.of(), List.of(), null,
                Visibility.everything());
        Page<ServiceInstance> page = instances.list(byNameDesc);
        assertThat(guids(page)).containsExactly("m2", "m1");
        assertThat(page.totalResults()).isEqualTo(3);
    }

    @Test
    void aUserSeesTheInstancesOfItsSpacesAndThoseSharedIntoThem() {
        new JdbiRoleRepository(db.database().jdbi()).insert(
                new Role("r1", t0, t0, RoleType.SPACE_DEVELOPER, "dev", "o2", "s2"));
        var visible = Visibility.of("dev", Set.of(RoleType.SPACE_DEVELOPER), Set.of(RoleType.ORGANIZATION_MANAGER));
        assertThat(guids(instances.list(query(Map.of()).withVisibility(visible)))).containsExactly("m2");
        instances.share("m1", List.of("s2"));
        instances.share("m1", List.of("s2"));
        assertThat(guids(instances.list(query(Map.of()).withVisibility(visible)))).containsExactly("m1", "m2");
        assertThat(instances.sharedSpaces("m1")).extracting(Space::guid).containsExactly("s2");
        assertThat(instances.sharedNameTaken("s2", "beta")).isTrue();
        instances.unshare("m1", "s2");
        assertThat(instances.sharedSpaces("m1")).isEmpty();
        instances.share("m1", List.of("s2"));
        instances.unshareFromSpace("s2");
        assertThat(instances.sharedSpaces("m1")).isEmpty();
        assertThat(guids(instances.list(query(Map.of()).withVisibility(Visibility.nothing())))).isEmpty();
    }

    @Test
    void claimsTheInstancesWhosePollIsDue() {
        assertThat(instances.claimDue(t0, 10)).isEmpty();
        List<ServiceInstance> due = db.database().jdbi().inTransaction(h -> instances.claimDue(t0.plusSeconds(5), 10));
        assertThat(due).extracting(ServiceInstance::guid).containsExactly("m2");
        assertThat(instances.inSpace("s1")).containsExactly("u1", "m1");
        assertThat(instances.boundAppCountsInSharedSpaces("m1")).isEmpty();
    }

    @Test
    void readsThePlanWithItsOfferingBrokerAndVisibilities() {
        var plan = plans.find("p1").orElseThrow();
        assertThat(plan.catalogId()).isEqualTo("p-id");
        assertThat(plan.offeringCatalogId()).isEqualTo("so-id");
        assertThat(plan.free()).isFalse();
        assertThat(plan.isPublic()).isFalse();
        assertThat(plan.maximumPollingDuration()).isEqualTo(30);
        assertThat(plan.maintenanceVersion()).isEqualTo("1.2.3");
        assertThat(plan.shareable()).isTrue();
        assertThat(plan.updateable()).isTrue();
        assertThat(plan.endpoint().url()).isEqualTo("http://b");
        assertThat(plan.endpoint().password()).isEqualTo("secret");
        assertThat(plan.visibleInOrganizations()).containsExactly("o2");
        assertThat(plan.availableIn("s2", "o2")).isTrue();
        assertThat(plan.availableIn("s1", "o1")).isFalse();
        assertThat(plans.find("nope")).isEmpty();
        assertThat(instances.snapshots()).extracting(e -> e.serviceInstanceGuid() + ":" + e.servicePlanName()
                + ":" + e.serviceBrokerName()).containsExactly("u1:null:null", "m1:small:broker", "m2:small:broker");
    }
}
