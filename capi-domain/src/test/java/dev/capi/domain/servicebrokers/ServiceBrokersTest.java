package dev.capi.domain.servicebrokers;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.InMemoryDomain;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.osbapi.BrokerReply;
import dev.capi.model.JobState;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.ServicePlan;
import dev.capi.model.Space;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broker registration, update and deletion through their jobs, on the in-memory domain and a fake broker. */
class ServiceBrokersTest {
    private static final String URL = "https://broker.example.com";
    private InMemoryDomain domain;
    private ServiceBrokers brokers;
    private JobRunner runner;
    private String lastJobGuid;

    @BeforeEach
    void setUp() {
        domain = new InMemoryDomain();
        brokers = domain.services.serviceCatalog().brokers();
        runner = new JobRunner(domain.jobs, domain.transactions, domain.services.jobHandlers(), domain.clock);
        Instant t0 = domain.clock.instant();
        domain.organizations.insert(new Organization("o1", t0, t0, "org", false, null, Metadata.empty()));
        domain.spaces.insert(new Space("s1", t0, t0, "dev", "o1", false, true, null, null, Metadata.empty()));
        domain.roles.space("dev", RoleType.SPACE_DEVELOPER, "o1", "s1");
        domain.roles.space("auditor", RoleType.SPACE_AUDITOR, "o1", "s1");
        domain.brokerClient.catalog(URL, catalog("small", "large"));
    }

    static Map<String, Object> catalog(String... plans) {
        return Map.of("services", List.of(Map.of("id", "db-id", "name", "db", "description", "databases",
                "bindable", true, "plans", java.util.Arrays.stream(plans)
                        .map(p -> Map.<String, Object>of("id", p + "-id", "name", p, "description", p)).toList())));
    }

    private Permissions as(String user, String... scopes) {
        Set<String> all = new java.util.HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user, "uaa", "cf", all), domain.roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private String register(Permissions perms, String name, String space) {
        var job = brokers.create(perms, new ServiceBrokerCommands.Create(name, URL, "u", "p", space, null));
        assertThat(job.operation()).isEqualTo(ServiceBrokers.SYNCHRONIZE_JOB);
        lastJobGuid = job.guid();
        domain.jobs.runNext(runner);
        return job.resourceGuid();
    }

    private List<ServicePlan> plans() {
        return domain.serviceCatalog.plans.forBroker(domain.serviceCatalog.brokerRows.keySet().iterator().next());
    }

    @Test
    void registeringSyncsTheCatalogAndMakesTheBrokerAvailable() {
        String guid = register(admin(), "b", null);
        assertThat(domain.jobs.find(lastJob()).orElseThrow().state())
                .isEqualTo(JobState.COMPLETE);
        assertThat(brokers.get(admin(), guid).state()).isEqualTo(ServiceBrokerState.AVAILABLE);
        assertThat(plans()).extracting(ServicePlan::name).containsExactly("small", "large");
        assertThat(plans()).allMatch(p -> !p.publicPlan() && p.bindable());
        assertThat(domain.brokerClient.asked.get(0).password()).isEqualTo("p");
        assertThat(domain.auditEvents.list(ListQuery.all()).resources()).extracting(e -> e.type())
                .contains("audit.service_broker.create", "audit.service.create", "audit.service_plan.create");
    }

    private String lastJob() {
        return lastJobGuid;
    }

    @Test
    void aFailedSynchronizationLeavesTheBrokerSynchronizationFailed() {
        domain.brokerClient.reply(URL, new BrokerReply(500, Map.of("description", "down"), false, Optional.empty()));
        String guid = register(admin(), "b", null);
        var job = domain.jobs.find(lastJob()).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.errors().get(0).title()).isEqualTo("CF-ServiceBrokerBadResponse");
        assertThat(job.errors().get(0).detail()).isEqualTo("Service broker error: down");
        assertThat(brokers.get(admin(), guid).state()).isEqualTo(ServiceBrokerState.SYNCHRONIZATION_FAILED);
    }

    @Test
    void aNewCatalogDeactivatesPlansInUseAndDeletesTheOthers() {
        String guid = register(admin(), "b", null);
        String small = plans().get(0).guid();
        domain.serviceCatalog.plansWithInstances.add(small);
        domain.brokerClient.catalog(URL, Map.of("services", List.of(Map.of("id", "db-id", "name", "db",
                "description", "d", "bindable", true, "plans", List.of(Map.of("id", "xl-id", "name", "xl",
                        "description", "xl"))))));
        var outcome = brokers.update(admin(), guid, new ServiceBrokerCommands.Update(null, URL, null, null, null));
        assertThat(outcome.job().operation()).isEqualTo(ServiceBrokers.UPDATE_JOB);
        domain.jobs.runNext(runner);
        assertThat(plans()).extracting(ServicePlan::name).containsExactly("small", "xl");
        assertThat(plans().get(0).available()).isFalse();
        assertThat(brokers.get(admin(), guid).state()).isEqualTo(ServiceBrokerState.AVAILABLE);
        var job = domain.jobs.find(outcome.job().guid()).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.COMPLETE);
        assertThat(job.warnings()).containsExactly("Warning: Service plans are missing from the broker's catalog ("
                + URL + "/v2/catalog) but can not be removed from Cloud Foundry while instances exist. The plans have "
                + "been deactivated to prevent users from attempting to provision new instances of these plans. The "
                + "broker should continue to support bind, unbind, and delete for existing instances; if these "
                + "operations fail contact your broker provider.\n\nService Offering: db\nPlans deactivated: small\n");
    }

    @Test
    void updatesAreRefusedWhileAnotherOperationRuns() {
        var job = brokers.create(admin(), new ServiceBrokerCommands.Create("b", URL, "u", "p", null, null));
        assertThatThrownBy(() -> brokers.update(admin(), job.resourceGuid(),
                new ServiceBrokerCommands.Update("c", null, null, null, null)))
                .hasMessageContaining("Cannot update a broker when other operation is already in progress");
        assertThatThrownBy(() -> brokers.create(admin(), new ServiceBrokerCommands.Create("b", URL, "u", "p", null,
                null))).hasMessageContaining("Name must be unique");
    }

    @Test
    void aFailedUpdateKeepsTheOldValuesAndState() {
        String guid = register(admin(), "b", null);
        lastJobGuid = brokers.update(admin(), guid, new ServiceBrokerCommands.Update("renamed",
                "https://nowhere.example.com", "u2", "p2", null)).job().guid();
        domain.jobs.runNext(runner);
        var broker = brokers.get(admin(), guid);
        assertThat(broker.name()).isEqualTo("b");
        assertThat(broker.url()).isEqualTo(URL);
        assertThat(broker.state()).isEqualTo(ServiceBrokerState.AVAILABLE);
        assertThat(domain.serviceCatalog.updateRequests).isEmpty();
        var job = domain.jobs.find(lastJob()).orElseThrow();
        assertThat(job.errors().get(0).title()).isEqualTo("CF-ServiceBrokerApiUnreachable");
    }

    @Test
    void deletionIsRefusedWhileInstancesExist() {
        String guid = register(admin(), "b", null);
        domain.serviceCatalog.plansWithInstances.add(plans().get(0).guid());
        assertThatThrownBy(() -> brokers.delete(admin(), guid)).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.ServiceBrokerNotRemovable));
        domain.serviceCatalog.plansWithInstances.clear();
        var job = brokers.delete(admin(), guid);
        assertThat(brokers.get(admin(), guid).state()).isEqualTo(ServiceBrokerState.DELETE_IN_PROGRESS);
        domain.jobs.runNext(runner);
        assertThat(domain.jobs.find(job.guid()).orElseThrow().state()).isEqualTo(JobState.COMPLETE);
        assertThat(domain.serviceCatalog.brokerRows).isEmpty();
        assertThat(domain.serviceCatalog.planRows).isEmpty();
    }

    @Test
    void spaceScopedBrokersBelongToTheirSpace() {
        String guid = register(as("dev"), "mine", "s1");
        assertThat(brokers.get(as("dev"), guid).spaceGuid()).isEqualTo("s1");
        assertThatThrownBy(() -> brokers.get(as("auditor"), guid)).hasMessageContaining("Service broker not found");
        assertThatThrownBy(() -> brokers.delete(as("auditor"), guid)).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
        assertThat(brokers.list(as("dev"), ListQuery.all()).resources()).hasSize(1);
        assertThat(brokers.list(as("auditor"), ListQuery.all()).resources()).isEmpty();
        assertThatThrownBy(() -> register(as("dev"), "global", null)).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
        assertThatThrownBy(() -> register(as("dev"), "elsewhere", "nope")).hasMessageContaining("Invalid space");
    }
}
