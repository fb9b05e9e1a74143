package dev.capi.persistence.serviceplans;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.Visibility;
import dev.capi.domain.servicebrokers.BrokerUpdateRequest;
import dev.capi.domain.serviceplans.Marketplace;
import dev.capi.model.Metadata;
import dev.capi.model.Organization;
import dev.capi.model.Role;
import dev.capi.model.RoleType;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanVisibilityType;
import dev.capi.model.Space;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.servicebrokers.JdbiServiceBrokerRepository;
import dev.capi.persistence.serviceofferings.JdbiServiceOfferingRepository;
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
 * Brokers, offerings, plans and plan visibility on H2 and PostgreSQL: round trips of every catalog field, the
 * marketplace visibility for each kind of caller rendered in SQL, the list filters, and cascading deletes.
 */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiServiceCatalogRepositoriesTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiServiceBrokerRepository brokers;
    private JdbiServiceOfferingRepository offerings;
    private JdbiServicePlanRepository plans;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        brokers = new JdbiServiceBrokerRepository(jdbi, metadata);
        offerings = new JdbiServiceOfferingRepository(jdbi, metadata);
        plans = new JdbiServicePlanRepository(jdbi, metadata);
        var orgs = new JdbiOrganizationRepository(jdbi, metadata);
        var spaces = new JdbiSpaceRepository(jdbi, metadata);
        var roles = new JdbiRoleRepository(jdbi);
        orgs.insert(new Organization("o1", t0, t0, "org-one", false, null, Metadata.empty()));
        orgs.insert(new Organization("o2", t0, t0, "org-two", false, null, Metadata.empty()));
        spaces.insert(new Space("s1", t0, t0, "dev", "o1", false, true, null, null, Metadata.empty()));
        spaces.insert(new Space("s2", t0, t0, "dev", "o2", false, true, null, null, Metadata.empty()));
        roles.insert(new Role("r1", t0, t0, RoleType.ORGANIZATION_USER, "org-user", "o1", null));
        roles.insert(new Role("r2", t0, t0, RoleType.SPACE_DEVELOPER, "dev-s2", "o2", "s2"));

        brokers.insert(broker("b1", "global", null));
        brokers.insert(broker("b2", "private", "s2"));
        offerings.insert(offering("so1", "b1", "mysql", List.of("sql"), Map.of("shareable", true)));
        offerings.insert(offering("so2", "b2", "redis", List.of(), Map.of()));
        plans.insert(plan("public-plan", "so1", "small", true));
        plans.insert(plan("org-plan", "so1", "large", false));
        plans.insert(plan("admin-plan", "so1", "huge", false));
        plans.insert(plan("space-plan", "so2", "cache", false));
        plans.addOrganizations("org-plan", List.of("o1"), t0);
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private ServiceBroker broker(String guid, String name, String space) {
        return new ServiceBroker(guid, t0, t0, name, "https://" + name + ".example.com", "user", "secret", space,
                ServiceBrokerState.AVAILABLE, Metadata.empty());
    }

    private ServiceOffering offering(String guid, String broker, String name, List<String> tags,
                                     Map<String, Object> extra) {
        return new ServiceOffering(guid, t0, t0, broker, null, null, guid + "-id", name, name + " database", true,
                true, false, false, true, false, tags, List.of("syslog_drain"), extra, Metadata.empty());
    }

    private ServicePlan plan(String guid, String offering, String name, boolean isPublic) {
        return new ServicePlan(guid, t0, t0, offering, null, null, null, null, guid + "-id", name, name + " plan",
                false, true, false, 3600, Map.of("version", "1.0.0"), Map.of("costs", List.of()),
                Map.of("service_instance", Map.of("create", Map.of("parameters", Map.of("type", "object")))),
                isPublic, true, false, Metadata.empty());
    }

    private static ListQuery query(Map<String, List<String>> filters, Visibility visibility) {
        return new ListQuery(1, 50, OrderBy.byId(), filters, List.of(), null, visibility);
    }

    private List<String> planGuids(Map<String, List<String>> filters, Visibility v) {
        return plans.list(query(filters, v)).resources().stream().map(ServicePlan::guid).toList();
    }

    private List<String> offeringGuids(Map<String, List<String>> filters, Visibility v) {
        return offerings.list(query(filters, v)).resources().stream().map(ServiceOffering::guid).toList();
    }

    private static Visibility user(String guid) {
        return Visibility.of(guid, Marketplace.SPACE_MEMBERS, Marketplace.ORG_MEMBERS);
    }

    private static final Visibility ANONYMOUS = Visibility.of("", Set.of(), Set.of());

    @Test
    void brokersRoundTripWithCredentialsAndSpaceVisibility() {
        var found = brokers.find("b2").orElseThrow();
        assertThat(found.url()).isEqualTo("https://private.example.com");
        assertThat(found.password()).isEqualTo("secret");
        assertThat(found.toString()).doesNotContain("secret");
        assertThat(brokers.nameTaken("global", null)).isTrue();
        assertThat(brokers.nameTaken("global", "b1")).isFalse();
        var devVisibility = Visibility.of("dev-s2", Set.of(RoleType.SPACE_DEVELOPER, RoleType.SPACE_SUPPORTER),
                Set.of());
        assertThat(brokers.list(query(Map.of(), devVisibility)).resources()).extracting(ServiceBroker::guid)
                .containsExactly("b2");
        assertThat(brokers.list(query(Map.of("names", List.of("global")), Visibility.everything())).resources())
                .extracting(ServiceBroker::guid).containsExactly("b1");
        assertThat(brokers.list(query(Map.of("space_guids", List.of("s2")), Visibility.everything())).resources())
                .extracting(ServiceBroker::guid).containsExactly("b2");
    }

    @Test
    void offeringsAndPlansRoundTripEveryCatalogField() {
        var o = offerings.find("so1").orElseThrow();
        assertThat(o.brokerName()).isEqualTo("global");
        assertThat(o.tags()).containsExactly("sql");
        assertThat(o.requires()).containsExactly("syslog_drain");
        assertThat(o.shareable()).isTrue();
        assertThat(o.bindingsRetrievable()).isTrue();
        var p = plans.find("public-plan").orElseThrow();
        assertThat(p.offeringName()).isEqualTo("mysql");
        assertThat(p.brokerGuid()).isEqualTo("b1");
        assertThat(p.maximumPollingDuration()).isEqualTo(3600);
        assertThat(p.maintenanceInfo()).containsEntry("version", "1.0.0");
        assertThat(p.schemas()).containsKey("service_instance");
        assertThat(p.visibilityType()).isEqualTo(ServicePlanVisibilityType.PUBLIC);
        assertThat(plans.find("org-plan").orElseThrow().visibilityType())
                .isEqualTo(ServicePlanVisibilityType.ORGANIZATION);
        assertThat(plans.find("admin-plan").orElseThrow().visibilityType()).isEqualTo(ServicePlanVisibilityType.ADMIN);
        assertThat(plans.find("space-plan").orElseThrow().visibilityType()).isEqualTo(ServicePlanVisibilityType.SPACE);
        assertThat(plans.organizations("org-plan")).extracting(v -> v.name()).containsExactly("org-one");
    }

    @Test
    void marketplaceVisibilityIsDecidedInSql() {
        assertThat(planGuids(Map.of(), Visibility.everything()))
                .containsExactly("public-plan", "org-plan", "admin-plan", "space-plan");
        assertThat(planGuids(Map.of(), ANONYMOUS)).containsExactly("public-plan");
        assertThat(planGuids(Map.of(), user("org-user"))).containsExactly("public-plan", "org-plan");
        assertThat(planGuids(Map.of(), user("dev-s2"))).containsExactly("public-plan", "space-plan");
        assertThat(planGuids(Map.of(), user("stranger"))).containsExactly("public-plan");
        assertThat(offeringGuids(Map.of(), ANONYMOUS)).containsExactly("so1");
        assertThat(offeringGuids(Map.of(), user("dev-s2"))).containsExactly("so1", "so2");
        assertThat(plans.visible("org-plan", user("org-user"))).isTrue();
        assertThat(plans.visible("org-plan", user("dev-s2"))).isFalse();
        assertThat(offerings.visible("so2", user("org-user"))).isFalse();
    }

    @Test
    void listFiltersMatchTheReference() {
        var all = Visibility.everything();
        assertThat(planGuids(Map.of("service_offering_names", List.of("redis")), all)).containsExactly("space-plan");
        assertThat(planGuids(Map.of("service_broker_guids", List.of("b1")), all)).hasSize(3);
        assertThat(planGuids(Map.of("organization_guids", List.of("o1")), all))
                .containsExactly("public-plan", "org-plan");
        assertThat(planGuids(Map.of("space_guids", List.of("s2")), all)).containsExactly("public-plan", "space-plan");
        assertThat(planGuids(Map.of("broker_catalog_ids", List.of("admin-plan-id")), all))
                .containsExactly("admin-plan");
        assertThat(planGuids(Map.of("available", List.of("false")), all)).isEmpty();
        assertThat(offeringGuids(Map.of("service_broker_names", List.of("private")), all)).containsExactly("so2");
        assertThat(offeringGuids(Map.of("space_guids", List.of("s1")), all)).containsExactly("so1");
    }

    @Test
    void visibilityRowsAreAddedRemovedAndCleared() {
        plans.addOrganizations("admin-plan", List.of("o1", "o2"), t0);
        assertThat(plans.organizations("admin-plan")).hasSize(2);
        plans.removeOrganization("admin-plan", "o1");
        assertThat(plans.organizations("admin-plan")).extracting(v -> v.guid()).containsExactly("o2");
        plans.removeOrganizationEverywhere("o2");
        assertThat(plans.organizations("admin-plan")).isEmpty();
        plans.clearOrganizations("org-plan");
        assertThat(plans.find("org-plan").orElseThrow().visibilityType()).isEqualTo(ServicePlanVisibilityType.ADMIN);
    }

    @Test
    void deletingABrokerRemovesItsCatalogAndPendingUpdate() {
        metadata.replace("so1", "service_offering", new Metadata(Map.of("a", "b"), Map.of()));
        brokers.saveUpdateRequest(new BrokerUpdateRequest("b1", "renamed", null, "u2", "p2",
                ServiceBrokerState.AVAILABLE));
        assertThat(brokers.findUpdateRequest("b1").orElseThrow().password()).isEqualTo("p2");
        assertThat(brokers.hasInstances("b1")).isFalse();
        brokers.delete("b1");
        assertThat(brokers.find("b1")).isEmpty();
        assertThat(offerings.find("so1")).isEmpty();
        assertThat(plans.find("org-plan")).isEmpty();
        assertThat(brokers.findUpdateRequest("b1")).isEmpty();
        assertThat(plans.find("space-plan")).isPresent();
        brokers.deleteInSpace("s2");
        assertThat(offerings.find("so2")).isEmpty();
    }

    @Test
    void brokerStateChangesOnlyFromTheExpectedState() {
        brokers.updateStateIf("b1", ServiceBrokerState.SYNCHRONIZING, ServiceBrokerState.SYNCHRONIZATION_FAILED, t0);
        assertThat(brokers.find("b1").orElseThrow().state()).isEqualTo(ServiceBrokerState.AVAILABLE);
        brokers.updateState("b1", ServiceBrokerState.SYNCHRONIZING, t0);
        brokers.updateStateIf("b1", ServiceBrokerState.SYNCHRONIZING, ServiceBrokerState.SYNCHRONIZATION_FAILED, t0);
        assertThat(brokers.find("b1").orElseThrow().state()).isEqualTo(ServiceBrokerState.SYNCHRONIZATION_FAILED);
    }
}
