package dev.capi.domain.serviceplandefinitions;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.fakes.FakeBrokerClient;
import dev.capi.domain.fakes.InMemoryDomain;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.servicebrokers.ServiceBrokerCommands;
import dev.capi.model.PlanDefinitionSchema;
import dev.capi.model.ServiceOffering;
import dev.capi.model.ServicePlan;
import dev.capi.model.ServicePlanDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans created from OSMAPI definitions, definition changes and schemas, on the in-memory domain and fake broker. */
class PlanDefinitionsTest {
    private static final String URL = "https://osm.example.com";
    private InMemoryDomain domain;
    private ServicePlanCreate create;
    private PlanDefinitions definitions;
    private PlanDefinitionSchemas schemas;
    private String db;
    private String cache;

    @BeforeEach
    void setUp() {
        domain = new InMemoryDomain();
        var catalog = domain.services.serviceCatalog();
        create = catalog.planCreate();
        definitions = catalog.planDefinitions();
        schemas = catalog.planDefinitionSchemas();
        domain.brokerClient.catalog(URL, Map.of("services", List.of(
                Map.of("id", "db-id", "name", "db", "description", "databases", "bindable", true,
                        "metadata", Map.of("osmapi", Map.of("features", List.of("plan_definitions"))),
                        "plans", List.of(Map.of("id", "base-id", "name", "base", "description", "base"))),
                Map.of("id", "cache-id", "name", "cache", "description", "caches", "bindable", true,
                        "plans", List.of(Map.of("id", "c-id", "name", "c", "description", "c"))))));
        domain.brokerClient.schemas.put("db-id", Map.of("json_schema", Map.of("type", "object"), "ui_schema",
                Map.of(), "version", "1"));
        var job = catalog.brokers().create(admin(), new ServiceBrokerCommands.Create("osm", URL, "u", "p", null,
                null));
        domain.jobs.runNext(new JobRunner(domain.jobs, domain.transactions, domain.services.jobHandlers(),
                domain.clock));
        db = offering("db").guid();
        cache = offering("cache").guid();
        assertThat(job.resourceGuid()).isNotNull();
    }

    private ServiceOffering offering(String name) {
        return domain.serviceCatalog.offeringRows.values().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private Permissions as(String user, String... scopes) {
        Set<String> all = new HashSet<>(Set.of(scopes));
        all.add(Principal.READ);
        all.add(Principal.WRITE);
        return new Permissions(new Principal(user, user, "uaa", "cf", all), domain.roles);
    }

    private Permissions admin() {
        return as("admin", Principal.ADMIN);
    }

    private static Map<String, Object> definition(String name, String description) {
        return Map.of("name", name, "description", description, "properties", Map.of("cpu", "4"));
    }

    private ServicePlan createGold() {
        return create.create(admin(), new ServicePlanCreate.Command("gold", "golden", db,
                definition("gold", "golden")));
    }

    @Test
    void aPlanIsCreatedByTheBrokerAndRegisteredByTheCatalogSync() {
        ServicePlan plan = createGold();
        assertThat(plan.name()).isEqualTo("gold");
        assertThat(plan.offeringGuid()).isEqualTo(db);
        assertThat(domain.brokerClient.count("putPlanDefinition")).isEqualTo(1);
        ServicePlanDefinition stored = definitions.get(admin(), plan.guid());
        assertThat(stored.definition()).containsEntry("plan_id", plan.catalogId())
                .containsEntry("resource_version", "1").containsEntry("properties", Map.of("cpu", "4"));
        assertThat(definitions.get(as("reader", Principal.ADMIN_READ_ONLY), plan.guid()).definition()).isNotNull();
    }

    @Test
    void creatingNeedsAnAdminAnOfferingWithTheFeatureAndAFreeName() {
        assertThatThrownBy(() -> create.create(as("auditor", Principal.GLOBAL_AUDITOR),
                new ServicePlanCreate.Command("gold", "golden", db, definition("gold", "golden"))))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
        assertThatThrownBy(() -> create.create(admin(), new ServicePlanCreate.Command("gold", "golden", cache,
                definition("gold", "golden"))))
                .hasMessageContaining("does not support the OSMAPI plan_definitions feature");
        assertThatThrownBy(() -> create.create(admin(), new ServicePlanCreate.Command("base", "b", db,
                definition("base", "b")))).hasMessageContaining("already has a plan named base");
        assertThatThrownBy(() -> create.create(admin(), new ServicePlanCreate.Command("gold", "g", "nope",
                definition("gold", "g")))).hasMessageContaining("Invalid service offering");
        assertThat(domain.brokerClient.count("putPlanDefinition")).isZero();
    }

    @Test
    void aBrokerRefusalLeavesNothingBehind() {
        domain.brokerClient.then("putPlanDefinition", FakeBrokerClient.reply(422,
                Map.of("description", "cpu must be at most 2")));
        assertThatThrownBy(this::createGold).isInstanceOfSatisfying(CfException.class, e -> {
            assertThat(e.kind()).isEqualTo(CfError.ServiceBrokerBadResponse);
            assertThat(e.getMessage()).contains("cpu must be at most 2");
        });
        assertThat(domain.serviceCatalog.planRows.values()).extracting(ServicePlan::name).doesNotContain("gold");
        assertThat(domain.serviceCatalog.definitionRows).isEmpty();
    }

    @Test
    void replacingSendsTheWholeDefinitionAndKeepsTheBrokersCopy() {
        ServicePlan plan = createGold();
        ServicePlanDefinition replaced = definitions.replace(admin(), plan.guid(),
                Map.of("name", "gold", "description", "shinier", "properties", Map.of("cpu", "8")));
        assertThat(replaced.definition()).containsEntry("description", "shinier")
                .containsEntry("plan_id", plan.catalogId()).containsEntry("properties", Map.of("cpu", "8"));
        assertThat(domain.serviceCatalog.plans.find(plan.guid()).orElseThrow().description()).isEqualTo("shinier");
        assertThatThrownBy(() -> definitions.replace(as("reader", Principal.ADMIN_READ_ONLY), plan.guid(),
                Map.of("name", "x"))).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
        assertThatThrownBy(() -> definitions.replace(admin(), plan.guid(), Map.of("plan_id", "other", "name", "gold",
                "description", "d"))).hasMessageContaining("must be the service plan's broker catalog id");
        assertThat(domain.brokerClient.count("putPlanDefinition")).isEqualTo(2);
        assertThatThrownBy(() -> definitions.replace(as("stranger"), plan.guid(), Map.of("name", "x")))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
    }

    @Test
    void deletingIsRefusedWhileInstancesUseThePlanThenRemovesIt() {
        ServicePlan plan = createGold();
        domain.serviceCatalog.plansWithInstances.add(plan.guid());
        assertThatThrownBy(() -> definitions.delete(admin(), plan.guid()))
                .hasMessageContaining("Please delete the service_instances associations");
        assertThat(domain.brokerClient.count("deletePlanDefinition")).isZero();
        domain.serviceCatalog.plansWithInstances.remove(plan.guid());
        definitions.delete(admin(), plan.guid());
        assertThat(domain.serviceCatalog.planRows).doesNotContainKey(plan.guid());
        assertThat(domain.serviceCatalog.definitionRows).doesNotContainKey(plan.guid());
    }

    @Test
    void theListShowsEveryPlanWithItsDefinitionOrNone() {
        ServicePlan plan = createGold();
        var page = definitions.list(admin(), ListQuery.all().withFilter("service_offering_guids", List.of(db)));
        assertThat(page.resources()).extracting(ServicePlanDefinition::planGuid).hasSize(2).contains(plan.guid());
        assertThat(page.resources()).filteredOn(d -> d.planGuid().equals(plan.guid()))
                .allSatisfy(d -> assertThat(d.definition()).containsEntry("name", "gold"));
        assertThat(page.resources()).filteredOn(d -> !d.planGuid().equals(plan.guid()))
                .allSatisfy(d -> assertThat(d.definition()).isNull());
        assertThatThrownBy(() -> definitions.list(as("member"), ListQuery.all()))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.kind()).isEqualTo(CfError.NotAuthorized));
    }

    @Test
    void schemasAreNullForOfferingsWithoutTheFeatureAndWhenTheBrokerFails() {
        var all = schemas.list(as("auditor", Principal.GLOBAL_AUDITOR), ListQuery.all()).resources();
        assertThat(all).extracting(PlanDefinitionSchema::offeringGuid).containsExactlyInAnyOrder(db, cache);
        assertThat(schemas.get(admin(), db).schema()).containsEntry("version", "1");
        assertThat(schemas.get(admin(), cache).schema()).isNull();
        assertThat(domain.brokerClient.count("planDefinitionSchema")).isEqualTo(2);
        domain.brokerClient.then("planDefinitionSchema", FakeBrokerClient.reply(500, Map.of()));
        assertThat(schemas.get(admin(), db).schema()).isNull();
        assertThatThrownBy(() -> schemas.get(as("member"), db)).isInstanceOfSatisfying(CfException.class,
                e -> assertThat(e.kind()).isEqualTo(CfError.ResourceNotFound));
    }
}
