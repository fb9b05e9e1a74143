package dev.capi.rest.v3.serviceplandefinitions;

import dev.capi.domain.errors.CfException;
import dev.capi.model.PlanDefinitionSchema;
import dev.capi.model.ServicePlanDefinition;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan definition and schema documents, whole, and the request bodies' checks. */
class PlanDefinitionPresenterTest {
    private static final Links LINKS = new Links("https://api.example.com");

    @Test
    void presentsTheWholeDefinitionDocumentAndANullDefinition() {
        var definition = new LinkedHashMap<String, Object>();
        definition.put("plan_id", "gold-id");
        definition.put("name", "gold");
        definition.put("properties", Map.of("cpu", "4"));
        definition.put("resource_version", "1");
        assertThat(JsonSupport.write(PlanDefinitionPresenter.present(new ServicePlanDefinition("p1", definition),
                LINKS))).isEqualTo("{\"guid\":\"p1\",\"definition\":{\"plan_id\":\"gold-id\",\"name\":\"gold\","
                + "\"properties\":{\"cpu\":\"4\"},\"resource_version\":\"1\"},"
                + "\"relationships\":{\"service_plan\":{\"data\":{\"guid\":\"p1\"}}},"
                + "\"links\":{\"self\":{\"href\":\"https://api.example.com/v3/service_plans/p1/definition\"},"
                + "\"service_plan\":{\"href\":\"https://api.example.com/v3/service_plans/p1\"}}}");
        assertThat(PlanDefinitionPresenter.present(new ServicePlanDefinition("p1", null), LINKS)
                .path("definition").isNull()).isTrue();
    }

    @Test
    void presentsTheWholeSchemaDocumentAndANullSchema() {
        var schema = Map.<String, Object>of("json_schema", Map.of("type", "object"), "ui_schema", Map.of(),
                "version", "1.0.0");
        assertThat(JsonSupport.write(PlanDefinitionPresenter.present(new PlanDefinitionSchema("o1", schema), LINKS)))
                .isEqualTo("{\"guid\":\"o1\",\"schema\":{\"json_schema\":{\"type\":\"object\"},\"ui_schema\":{},"
                        + "\"version\":\"1.0.0\"},\"relationships\":{\"service_offering\":{\"data\":{\"guid\":\"o1\"}}},"
                        + "\"links\":{\"self\":{\"href\":"
                        + "\"https://api.example.com/v3/service_offerings/o1/plan_definition_schema\"},"
                        + "\"service_offering\":{\"href\":\"https://api.example.com/v3/service_offerings/o1\"}}}");
        assertThat(PlanDefinitionPresenter.present(new PlanDefinitionSchema("o1", null), LINKS).path("schema")
                .isNull()).isTrue();
    }

    @Test
    void aCreateBodyCarriesTheDefinitionWithoutItsReadOnlyFields() {
        var command = PlanDefinitionMessages.create("{\"name\":\"gold\",\"description\":\"d\",\"relationships\":"
                + "{\"service_offering\":{\"data\":{\"guid\":\"o1\"}}},\"definition\":{\"name\":\"gold\","
                + "\"description\":\"d\",\"properties\":{\"cpu\":\"4\"},\"resource_version\":\"7\"}}");
        assertThat(command.offeringGuid()).isEqualTo("o1");
        assertThat(command.definition()).containsOnlyKeys("name", "description", "properties");
    }

    @Test
    void everyProblemOfABodyIsReportedAtOnce() {
        assertThatThrownBy(() -> PlanDefinitionMessages.create("{\"name\":\"gold\",\"description\":\"d\","
                + "\"definition\":{\"name\":\"silver\",\"description\":7,\"cpu\":1}}"))
                .isInstanceOfSatisfying(CfException.class, e -> assertThat(e.getMessage())
                        .contains("Relationships must be an object")
                        .contains("Definition has unknown field(s): 'cpu'")
                        .contains("Definition description must be a string"));
        assertThatThrownBy(() -> PlanDefinitionMessages.update("{\"definition\":{\"description\":\"d\"}}"))
                .hasMessageContaining("Definition name can't be blank");
    }
}
