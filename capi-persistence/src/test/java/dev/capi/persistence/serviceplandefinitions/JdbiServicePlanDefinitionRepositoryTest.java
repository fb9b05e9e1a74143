package dev.capi.persistence.serviceplandefinitions;

import dev.capi.domain.query.LabelSelector;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.OrderBy;
import dev.capi.domain.query.TimestampFilter;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Metadata;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanDefinition;
import dev.capi.persistence.TestDatabases;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.servicebrokers.JdbiServiceBrokerRepository;
import dev.capi.persistence.serviceofferings.JdbiServiceOfferingRepository;
import dev.capi.persistence.serviceplans.JdbiServicePlanRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan definitions on H2 and PostgreSQL: save replaces, the list is of plans with their definition or none and
 * filters, label selects, time-filters and pages in SQL, and a definition goes with its plan.
 */
@ParameterizedClass
@EnumSource(TestDatabases.class)
class JdbiServicePlanDefinitionRepositoryTest {
    @Parameter
    TestDatabases target;

    private TestDatabases.Opened db;
    private JdbiServicePlanDefinitionRepository definitions;
    private JdbiServicePlanRepository plans;
    private JdbiMetadataRepository metadata;
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Instant t1 = Instant.parse("2026-01-02T10:00:00Z");

    @BeforeEach
    void setUp() {
        db = target.open();
        var jdbi = db.database().jdbi();
        metadata = new JdbiMetadataRepository(jdbi);
        definitions = new JdbiServicePlanDefinitionRepository(jdbi);
        plans = new JdbiServicePlanRepository(jdbi, metadata);
        var brokers = new JdbiServiceBrokerRepository(jdbi, metadata);
        var offerings = new JdbiServiceOfferingRepository(jdbi, metadata);
        brokers.insert(new ServiceBroker("b1", t0, t0, "osm", "https://osm.example.com", "u", "p", null,
                ServiceBrokerState.AVAILABLE, Metadata.empty()));
        brokers.insert(new ServiceBroker("b2", t0, t0, "other", "https://other.example.com", "u", "p", null,
                ServiceBrokerState.AVAILABLE, Metadata.empty()));
        offerings.insert(offering("so1", "b1", "db"));
        offerings.insert(offering("so2", "b2", "cache"));
        plans.insert(plan("p1", "so1", "gold", t0));
        plans.insert(plan("p2", "so1", "silver", t1));
        plans.insert(plan("p3", "so2", "small", t1));
        metadata.replace("p2", "service_plan", new Metadata(Map.of("tier", "two"), Map.of()));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private ServiceOffering offering(String guid, String broker, String name) {
        return new ServiceOffering(guid, t0, t0, broker, null, null, guid + "-id", name, name, true, true, false,
                false, false, false, List.of(), List.of(), Map.of(), Metadata.empty());
    }

    private ServicePlan plan(String guid, String offering, String name, Instant at) {
        return new ServicePlan(guid, at, at, offering, null, null, null, null, guid + "-id", name, name, true, true,
                false, null, Map.of(), Map.of(), Map.of(), false, true, false, Metadata.empty());
    }

    private List<ServicePlanDefinition> list(Map<String, List<String>> filters, List<TimestampFilter> times,
                                             LabelSelector labels, int page, int perPage) {
        return definitions.list(new ListQuery(page, perPage, OrderBy.byId(), filters, times, labels,
                Visibility.everything())).resources();
    }

    @Test
    void saveCreatesThenReplacesAndDeleteRemoves() {
        definitions.save("p1", Map.of("plan_id", "p1-id", "name", "gold", "properties", Map.of("cpu", "4")), t0);
        assertThat(definitions.find("p1").orElseThrow()).containsEntry("properties", Map.of("cpu", "4"));
        definitions.save("p1", Map.of("plan_id", "p1-id", "name", "gold", "properties", Map.of("cpu", "8")), t1);
        assertThat(definitions.find("p1").orElseThrow()).containsEntry("properties", Map.of("cpu", "8"));
        definitions.delete("p1");
        assertThat(definitions.find("p1")).isEmpty();
    }

    @Test
    void theListIsOfPlansWithTheirDefinitionFilteredAndPagedInSql() {
        definitions.save("p1", Map.of("name", "gold"), t0);
        var all = list(Map.of(), List.of(), null, 1, 50);
        assertThat(all).extracting(ServicePlanDefinition::planGuid).containsExactly("p1", "p2", "p3");
        assertThat(all.get(0).definition()).containsEntry("name", "gold");
        assertThat(all.get(1).definition()).isNull();
        assertThat(list(Map.of("names", List.of("silver", "small")), List.of(), null, 1, 50))
                .extracting(ServicePlanDefinition::planGuid).containsExactly("p2", "p3");
        assertThat(list(Map.of("service_offering_guids", List.of("so2")), List.of(), null, 1, 50))
                .extracting(ServicePlanDefinition::planGuid).containsExactly("p3");
        assertThat(list(Map.of("service_broker_guids", List.of("b1")), List.of(), null, 1, 50))
                .extracting(ServicePlanDefinition::planGuid).containsExactly("p1", "p2");
        assertThat(list(Map.of("service_broker_names", List.of("other")), List.of(), null, 1, 50))
                .extracting(ServicePlanDefinition::planGuid).containsExactly("p3");
        assertThat(list(Map.of(), List.of(), LabelSelector.parse("tier=two"), 1, 50))
                .extracting(ServicePlanDefinition::planGuid).containsExactly("p2");
        assertThat(list(Map.of(), List.of(new TimestampFilter("created_at", TimestampFilter.Op.EQ, List.of(t1))),
                null, 1, 50)).extracting(ServicePlanDefinition::planGuid).containsExactly("p2", "p3");
        var page = definitions.list(new ListQuery(2, 2, OrderBy.byId(), Map.of(), List.of(), null,
                Visibility.everything()));
        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources()).extracting(ServicePlanDefinition::planGuid).containsExactly("p3");
    }

    @Test
    void aDefinitionGoesWithItsPlan() {
        definitions.save("p1", Map.of("name", "gold"), t0);
        plans.delete("p1");
        assertThat(definitions.find("p1")).isEmpty();
    }
}
