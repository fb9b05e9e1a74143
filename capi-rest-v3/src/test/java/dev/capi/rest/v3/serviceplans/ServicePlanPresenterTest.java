package dev.capi.rest.v3.serviceplans;

import dev.capi.model.Metadata;
import dev.capi.model.ServicePlan;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServicePlanPresenterTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void presentsTheWholePlanDocument() {
        var plan = new ServicePlan("p1", T, T, "o1", "db", "b1", "broker", "s1", "small-id", "small", "a plan", false,
                true, false, 60, Map.of("version", "1.0.0"),
                Map.of("costs", List.of(cost())),
                Map.of("service_instance", Map.of("create", Map.of("parameters", Map.of("type", "object")))),
                false, true, false, Metadata.empty());
        String json = JsonSupport.write(ServicePlanPresenter.present(plan, new Links("https://api.example.com")));
        assertThat(json).isEqualTo("{\"guid\":\"p1\",\"created_at\":\"2026-01-01T10:00:00Z\","
                + "\"updated_at\":\"2026-01-01T10:00:00Z\",\"name\":\"small\",\"visibility_type\":\"space\","
                + "\"available\":true,\"free\":false,"
                + "\"costs\":[{\"currency\":\"USD\",\"amount\":9.5,\"unit\":\"MONTHLY\"}],\"description\":\"a plan\","
                + "\"maintenance_info\":{\"version\":\"1.0.0\"},\"broker_catalog\":{\"id\":\"small-id\","
                + "\"metadata\":{\"costs\":[{\"amount\":{\"usd\":9.5},\"unit\":\"MONTHLY\"}]},"
                + "\"maximum_polling_duration\":60,\"features\":{\"bindable\":true,\"plan_updateable\":false}},"
                + "\"schemas\":{\"service_instance\":{\"create\":{\"parameters\":{\"type\":\"object\"}},"
                + "\"update\":{\"parameters\":{}}},\"service_binding\":{\"create\":{\"parameters\":{}}}},"
                + "\"relationships\":{\"service_offering\":{\"data\":{\"guid\":\"o1\"}},"
                + "\"space\":{\"data\":{\"guid\":\"s1\"}}},\"metadata\":{\"labels\":{},\"annotations\":{}},"
                + "\"links\":{\"self\":{\"href\":\"https://api.example.com/v3/service_plans/p1\"},"
                + "\"service_offering\":{\"href\":\"https://api.example.com/v3/service_offerings/o1\"},"
                + "\"visibility\":{\"href\":\"https://api.example.com/v3/service_plans/p1/visibility\"},"
                + "\"space\":{\"href\":\"https://api.example.com/v3/spaces/s1\"}}}");
    }

    private static Map<String, Object> cost() {
        var cost = new java.util.LinkedHashMap<String, Object>();
        cost.put("amount", Map.of("usd", 9.5));
        cost.put("unit", "MONTHLY");
        return cost;
    }

    @Test
    void costsOfAnotherShapeAreAnEmptyList() {
        assertThat(ServicePlanPresenter.costs(List.of(Map.of("amount", Map.of(), "unit", "MONTHLY")))).isEmpty();
        assertThat(ServicePlanPresenter.costs(List.of(Map.of("amount", Map.of("usd", "x"), "unit", "M")))).isEmpty();
        assertThat(ServicePlanPresenter.costs("free")).isEmpty();
    }
}
