package dev.capi.persistence.servicebindings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.servicebindings.BindingRequest;
import dev.capi.domain.servicebindings.PollSchedule;
import dev.capi.domain.servicebindings.SyslogDrains;
import dev.capi.model.App;
import dev.capi.model.BindingOperation;
import dev.capi.model.DesiredState;
import dev.capi.model.Lifecycle;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.Route;
import dev.capi.model.ServiceCredentialBinding;
import dev.capi.model.ServiceRouteBinding;
import dev.capi.model.Space;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.apps.JdbiAppRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.routes.JdbiRouteRepository;
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

/**
 * The binding repositories and read views on H2 and PostgreSQL: the binding's space through its app or instance,
 * list filters over instance, plan and offering, role visibility, the poll claim, the instance view (plan, offering,
 * broker, shares), VCAP_SERVICES rows and the syslog drain batches.
 */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiServiceBindingsTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiCredentialBindingRepository credentials;
    private JdbiRouteBindingRepository routeBindings;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        credentials = new JdbiCredentialBindingRepository(jdbi, metadata);
        routeBindings = new JdbiRouteBindingRepository(jdbi, metadata);
        new JdbiOrganizationRepository(jdbi, metadata).insert(new Organization("org", t0, t0, "My Org", false, null,
                Metadata.empty()));
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        spaces.insert(new Space("s1", t0, t0, "dev", "org", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "prod", "org", false, true, null, null, Metadata.empty()));
        var apps = new JdbiAppRepository(jdbi, metadata);
        apps.insert(new App("a1", t0, t0, "web", "s1", "org", DesiredState.STOPPED, Lifecycle.docker(), Map.of(),
                null, App.Features.defaults(true), Metadata.empty()));
        apps.insert(new App("a2", t0, t0, "worker", "s2", "org", DesiredState.STOPPED, Lifecycle.docker(), Map.of(),
                null, App.Features.defaults(true), Metadata.empty()));
        new JdbiRoleRepository(jdbi).insert(new Role("r1", t0, t0, RoleType.SPACE_AUDITOR, "u1", "org", "s1"));
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO service_brokers (guid, created_at, updated_at, name, url, auth_username, "
                    + "auth_password, state) VALUES ('b', :t, :t, 'broker', 'http://broker', 'u', 'p', 'AVAILABLE')")
                    .bind("t", t0).execute();
            h.createUpdate("INSERT INTO service_offerings (guid, created_at, updated_at, service_broker_guid, "
                    + "broker_catalog_id, name, description, bindable, bindings_retrievable, tags, requires) VALUES "
                    + "('off', :t, :t, 'b', 'off-id', 'tck-db', 'db', TRUE, TRUE, '[\"sql\"]', '[\"syslog_drain\"]')")
                    .bind("t", t0).execute();
            h.createUpdate("INSERT INTO service_plans (guid, created_at, updated_at, service_offering_guid, "
                    + "broker_catalog_id, name, description, maximum_polling_duration) VALUES "
                    + "('plan', :t, :t, 'off', 'plan-id', 'small', 'small', 30)").bind("t", t0).execute();
            h.createUpdate("INSERT INTO service_instances (guid, created_at, updated_at, name, space_guid, type, "
                    + "service_plan_guid, tags, last_operation_type, last_operation_state) VALUES "
                    + "('managed', :t, :t, 'db', 's1', 'managed', 'plan', '[\"mine\"]', 'create', 'succeeded')")
                    .bind("t", t0).execute();
            h.createUpdate("INSERT INTO service_instances (guid, created_at, updated_at, name, space_guid, type, "
                    + "credentials, syslog_drain_url) VALUES ('ups', :t, :t, 'logs', 's2', 'user-provided', "
                    + "'{\"cert\":\"C\"}', 'syslog://d')").bind("t", t0).execute();
            h.createUpdate("INSERT INTO service_instance_shares (service_instance_guid, space_guid) VALUES "
                    + "('managed', 's2')").execute();
        });
        credentials.insert(binding("c1", "app", "a1", "managed", "bind-1", t0, Map.of("uri", "db://1"), null),
                new BindingRequest(Map.of("size", "large"), "u9", "user nine"));
        credentials.insert(binding("c2", "key", null, "managed", "key-1", t0.plusSeconds(1), Map.of(), null),
                new BindingRequest(null, "u9", null));
        credentials.insert(binding("c3", "app", "a2", "ups", null, t0.plusSeconds(2), Map.of("cert", "C"),
                "syslog://d"), new BindingRequest(null, null, null));
        credentials.insert(binding("c4", "app", "a2", "managed", "shared", t0.plusSeconds(3), Map.of(), null),
                new BindingRequest(null, null, null));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private ServiceCredentialBinding binding(String guid, String type, String app, String instance, String name,
                                             Instant at, Map<String, Object> creds, String drain) {
        return new ServiceCredentialBinding(guid, at, at, type, name, instance, app, null, true, creds, drain,
                List.of(Map.of("container_dir", "/x")),
                new BindingOperation("create", "succeeded", null, at, at), null, Metadata.empty());
    }

    private List<String> guids(ListQuery query) {
        return credentials.list(query).resources().stream().map(ServiceCredentialBinding::guid).toList();
    }

    @Test
    void aBindingLivesInItsAppsSpaceAndAKeyInItsInstancesSpace() {
        var c1 = credentials.find("c1").orElseThrow();
        assertThat(c1.spaceGuid()).isEqualTo("s1");
        assertThat(c1.managedInstance()).isTrue();
        assertThat(c1.credentials()).isEqualTo(Map.of("uri", "db://1"));
        assertThat(c1.volumeMounts()).isEqualTo(List.of(Map.of("container_dir", "/x")));
        assertThat(credentials.find("c2").orElseThrow().spaceGuid()).isEqualTo("s1");
        assertThat(credentials.find("c4").orElseThrow().spaceGuid()).isEqualTo("s2");
        assertThat(credentials.find("c3").orElseThrow().managedInstance()).isFalse();
        assertThat(credentials.request("c1").orElseThrow())
                .isEqualTo(new BindingRequest(Map.of("size", "large"), "u9", "user nine"));
        credentials.clearParameters("c1");
        assertThat(credentials.request("c1").orElseThrow().parameters()).isNull();
    }

    @Test
    void listsFilterOverInstancesPlansOfferingsAndAppsAndHonourVisibility() {
        var all = ListQuery.all();
        assertThat(guids(all)).containsExactly("c1", "c2", "c3", "c4");
        assertThat(guids(all.withFilter("type", List.of("key")))).containsExactly("c2");
        assertThat(guids(all.withFilter("service_plan_names", List.of("small")))).containsExactly("c1", "c2", "c4");
        assertThat(guids(all.withFilter("service_offering_guids", List.of("off")))).containsExactly("c1", "c2", "c4");
        assertThat(guids(all.withFilter("service_offering_names", List.of("nope")))).isEmpty();
        assertThat(guids(all.withFilter("service_instance_names", List.of("logs")))).containsExactly("c3");
        assertThat(guids(all.withFilter("app_names", List.of("worker")))).containsExactly("c3", "c4");
        assertThat(guids(all.withFilter("names", List.of("key-1", "bind-1")))).containsExactly("c1", "c2");
        var auditor = all.withVisibility(Visibility.of("u1", Set.of(RoleType.SPACE_AUDITOR, RoleType.SPACE_DEVELOPER),
                Set.of(RoleType.ORGANIZATION_MANAGER)));
        assertThat(guids(auditor)).containsExactly("c1", "c2");
        assertThat(credentials.appBindings("managed", "a1")).extracting(ServiceCredentialBinding::guid)
                .containsExactly("c1");
        assertThat(credentials.key("managed", "key-1")).isPresent();
        assertThat(credentials.appBindingNamed("a2", "shared", "ups")).isTrue();
        assertThat(credentials.appBindingNamed("a2", "shared", "managed")).isFalse();
        assertThat(credentials.inSpace("s2")).containsExactly("c3", "c4");
        assertThat(credentials.inOrganization("org")).containsExactly("c1", "c2", "c3", "c4");
    }

    @Test
    void updatesStoreTheOperationAndThePollerClaimsDueRows() {
        var c1 = credentials.find("c1").orElseThrow();
        var op = c1.lastOperation().next("delete", "in progress", "going", t0.plusSeconds(60));
        credentials.update(c1.withOperation(op, "broker-op"));
        var stored = credentials.find("c1").orElseThrow();
        assertThat(stored.lastOperation()).isEqualTo(op);
        assertThat(stored.brokerOperation()).isEqualTo("broker-op");

        credentials.schedule("c1", new PollSchedule("job-1", t0.plusSeconds(5), null));
        credentials.schedule("c2", new PollSchedule("job-2", t0.plusSeconds(50), t0.plusSeconds(90)));
        List<String> due = new JdbiTransactions(db.database().jdbi()).inTransaction(
                () -> credentials.claimDue(t0.plusSeconds(10), 5));
        assertThat(due).containsExactly("c1");
        assertThat(credentials.schedule("c2").orElseThrow().deadline()).isEqualTo(t0.plusSeconds(90));
        credentials.unschedule("c1");
        assertThat(credentials.schedule("c1")).isEmpty();
        assertThat(new JdbiTransactions(db.database().jdbi()).inTransaction(
                () -> credentials.claimDue(t0.plusSeconds(100), 5))).containsExactly("c2");
        credentials.delete("c1");
        assertThat(credentials.find("c1")).isEmpty();
    }

    @Test
    void theInstanceViewJoinsPlanOfferingBrokerAndShares() {
        var instances = new JdbiBindableInstances(db.database().jdbi());
        var managed = instances.find("managed").orElseThrow();
        assertThat(managed.userProvided()).isFalse();
        assertThat(managed.sharedSpaceGuids()).containsExactly("s2");
        assertThat(managed.plan().planCatalogId()).isEqualTo("plan-id");
        assertThat(managed.plan().offeringCatalogId()).isEqualTo("off-id");
        assertThat(managed.plan().bindable()).as("the plan inherits the offering's bindable").isTrue();
        assertThat(managed.plan().bindingsRetrievable()).isTrue();
        assertThat(managed.plan().maximumPollingDuration()).isEqualTo(30);
        assertThat(managed.plan().requires()).containsExactly("syslog_drain");
        assertThat(managed.plan().broker().password()).isEqualTo("p");
        var ups = instances.find("ups").orElseThrow();
        assertThat(ups.userProvided()).isTrue();
        assertThat(ups.credentials()).isEqualTo(Map.of("cert", "C"));
        assertThat(ups.syslogDrainUrl()).isEqualTo("syslog://d");
        assertThat(instances.find("nope")).isEmpty();
    }

    @Test
    void vcapServicesRowsAndSyslogDrains() {
        var bound = new JdbiAppBoundServices(db.database().jdbi()).active("a2");
        assertThat(bound).extracting(b -> b.bindingGuid()).containsExactly("c3", "c4");
        assertThat(bound.get(1).offeringLabel()).isEqualTo("tck-db");
        assertThat(bound.get(1).offeringTags()).containsExactly("sql");
        assertThat(bound.get(1).instanceTags()).containsExactly("mine");
        assertThat(bound.get(1).planName()).isEqualTo("small");
        assertThat(bound.get(0).userProvided()).isTrue();

        var drains = new JdbiSyslogDrains(db.database().jdbi());
        assertThat(drains.batch(0, 50)).containsExactly(new SyslogDrains.Drain("syslog://d", List.of(
                new SyslogDrains.DrainingApp("a2", "My Org", "prod", "worker", "C", "", ""))));
        assertThat(drains.batch(1, 50)).isEmpty();
    }

    @Test
    void routeBindingsLiveInTheirRoutesSpace() {
        var jdbi = db.database().jdbi();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO domains (guid, created_at, updated_at, name, internal) "
                + "VALUES ('dom', :t, :t, 'apps.example.com', FALSE)").bind("t", t0).execute());
        new JdbiRouteRepository(jdbi, new JdbiMetadataRepository(jdbi)).insert(new Route("route", t0, t0, "shop", "",
                null, "dom", "s1", null, Metadata.empty()));
        routeBindings.insert(new ServiceRouteBinding("rb", t0, t0, "managed", "route", null, true, null,
                new BindingOperation("create", "initial", null, t0, t0), null, Metadata.empty()),
                new BindingRequest(Map.of("a", 1), "u", "n"));
        var rb = routeBindings.find("rb").orElseThrow();
        assertThat(rb.spaceGuid()).isEqualTo("s1");
        assertThat(routeBindings.instanceOfRoute("route")).contains("managed");
        routeBindings.update(rb.withResult("https://rs", rb.lastOperation().next("create", "succeeded", null,
                t0.plusSeconds(1))));
        assertThat(routeBindings.find("rb").orElseThrow().routeServiceUrl()).isEqualTo("https://rs");
        assertThat(routeBindings.list(ListQuery.all().withFilter("route_guids", List.of("route"))).resources())
                .hasSize(1);
        assertThat(routeBindings.list(ListQuery.all().withFilter("service_instance_names", List.of("logs")))
                .resources()).isEmpty();
        assertThat(routeBindings.inSpace("s1")).containsExactly("rb");
    }
}
