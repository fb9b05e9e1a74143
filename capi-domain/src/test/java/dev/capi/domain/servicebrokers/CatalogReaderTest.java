package dev.capi.domain.servicebrokers;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogReaderTest {
    private final CatalogReader reader = new CatalogReader(true, false);

    static Map<String, Object> plan(String id, String name) {
        return new HashMap<>(Map.of("id", id, "name", name, "description", name + " plan"));
    }

    static Map<String, Object> service(String id, String name, List<Map<String, Object>> plans) {
        return new HashMap<>(Map.of("id", id, "name", name, "description", "a service", "bindable", true,
                "plans", plans));
    }

    private String invalid(Map<String, Object> catalog) {
        try {
            reader.read(catalog, CatalogReader.ExistingCatalog.none());
        } catch (CfException e) {
            assertThat(e.kind()).isEqualTo(CfError.ServiceBrokerCatalogInvalid);
            return e.detail().substring("Service broker catalog is invalid: ".length());
        }
        throw new AssertionError("catalog was accepted");
    }

    @Test
    void readsEveryCatalogField() {
        var small = plan("p1", "small");
        small.put("free", false);
        small.put("maximum_polling_duration", 60);
        small.put("maintenance_info", Map.of("version", "1.2.3", "description", "patch"));
        small.put("metadata", Map.of("costs", List.of()));
        small.put("schemas", Map.of("service_instance", Map.of("create", Map.of("parameters",
                Map.of("$schema", "http://json-schema.org/draft-04/schema#")))));
        var s = service("s1", "db", List.of(small));
        s.put("tags", List.of("sql"));
        s.put("requires", List.of("route_forwarding"));
        s.put("metadata", Map.of("shareable", true));
        s.put("plan_updateable", true);
        BrokerCatalog catalog = reader.read(Map.of("services", List.of(s)), CatalogReader.ExistingCatalog.none());
        var offering = catalog.offerings().get(0);
        assertThat(offering.catalogId()).isEqualTo("s1");
        assertThat(offering.planUpdateable()).isTrue();
        assertThat(offering.tags()).containsExactly("sql");
        assertThat(offering.metadata()).containsEntry("shareable", true);
        var p = offering.plans().get(0);
        assertThat(p.free()).isFalse();
        assertThat(p.bindable()).isNull();
        assertThat(p.maximumPollingDuration()).isEqualTo(60);
        assertThat(p.maintenanceInfo()).containsEntry("version", "1.2.3");
        assertThat(p.schemas()).containsKey("service_instance");
    }

    @Test
    void collectsProblemsAsTheReferenceFormatsThem() {
        var bad = plan("p1", "small");
        bad.put("maintenance_info", Map.of("version", "one", "extra", 1));
        var s = service("s1", "db", List.of(bad, plan("p2", "medium")));
        s.put("bindable", "yes");
        String detail = invalid(Map.of("services", List.of(s)));
        assertThat(detail).isEqualTo("\nService db\n"
                + "  Service \"bindable\" field must be a boolean, but has value \"yes\"\n"
                + "  Plan small\n"
                + "    Maintenance info version must be a Semantic Version, but has value \"one\"\n"
                + "    Maintenance info contains invalid key(s): extra\n");
    }

    @Test
    void refusesDuplicatesAndEmptyCatalogs() {
        assertThat(invalid(Map.of("services", List.of()))).isEqualTo(
                "\nService broker must provide at least one service\n");
        var a = service("s1", "db", List.of(plan("p1", "small")));
        var b = service("s1", "db", List.of(plan("p1", "large")));
        String detail = invalid(Map.of("services", List.of(a, b)));
        assertThat(detail).contains("Service ids must be unique\n");
        assertThat(detail).contains("Service names must be unique within a broker\n");
        assertThat(detail).contains("Plan ids must be unique. Unable to register plan with id 'p1' (plan name "
                + "'large', service name 'db') because it uses the same id as another plan in the catalog (plan name "
                + "'small', service name 'db')");
        var dupPlans = service("s1", "db", List.of(plan("p1", "small"), plan("p1", "small")));
        assertThat(invalid(Map.of("services", List.of(dupPlans))))
                .contains("  Plan ids must be unique. Service db already has a plan with id 'p1'\n")
                .contains("  Plan names must be unique within a service. Service db already has a plan named small\n");
    }

    @Test
    void requiresPlansAndWellFormedSchemas() {
        assertThat(invalid(Map.of("services", List.of(service("s1", "db", List.of())))))
                .isEqualTo("\nService db\n  At least one plan is required\n");
        var p = plan("p1", "small");
        p.put("schemas", Map.of("service_instance", Map.of("create", Map.of("parameters", Map.of("type", "object")))));
        assertThat(invalid(Map.of("services", List.of(service("s1", "db", List.of(p))))))
                .isEqualTo("\nService db\n  Plan small\n    Schemas\n      Schemas service_instance.create.parameters "
                        + "Schema must have $schema key but was not present\n");
    }

    @Test
    void refusesNamesTakenByOfferingsStillInUse() {
        var existing = new CatalogReader.ExistingCatalog() {
            @Override
            public List<CatalogReader.ExistingOffering> offerings() {
                return List.of(new CatalogReader.ExistingOffering("old-id", "db", true));
            }

            @Override
            public List<CatalogReader.ExistingPlan> plans() {
                return List.of();
            }
        };
        var s = service("new-id", "db", List.of(plan("p1", "small")));
        assertThatThrownBy(() -> reader.read(Map.of("services", List.of(s)), existing))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.detail())
                        .contains("Services with names [\"db\"] already exist"));
    }

    @Test
    void volumeServicesAreIncompatibleWhenDisabled() {
        var s = service("s1", "nfs", List.of(plan("p1", "small")));
        s.put("requires", List.of("volume_mount"));
        assertThatThrownBy(() -> reader.read(Map.of("services", List.of(s)), CatalogReader.ExistingCatalog.none()))
                .isInstanceOfSatisfying(CfException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CfError.ServiceBrokerCatalogIncompatible);
                    assertThat(e.detail()).contains("Service nfs is declared to be a volume mount service but support "
                            + "for volume mount services is disabled.");
                });
    }
}
