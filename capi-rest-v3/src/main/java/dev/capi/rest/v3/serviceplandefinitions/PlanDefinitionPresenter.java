package dev.capi.rest.v3.serviceplandefinitions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.PlanDefinitionSchema;
import dev.capi.model.ServicePlanDefinition;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/**
 * Plan definition and plan definition schema JSON: {@code {guid, definition|null, relationships.service_plan, links}}
 * for a plan, {@code {guid, schema|null, relationships.service_offering, links}} for an offering.
 */
public final class PlanDefinitionPresenter {
    private PlanDefinitionPresenter() {
    }

    public static ObjectNode present(ServicePlanDefinition d, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", d.planGuid());
        if (d.definition() == null) {
            node.putNull("definition");
        } else {
            node.set("definition", JsonSupport.MAPPER.valueToTree(d.definition()));
        }
        node.putObject("relationships").set("service_plan", MetadataPresenter.relationship(d.planGuid()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/service_plans/" + d.planGuid() + "/definition"));
        l.set("service_plan", links.href("/v3/service_plans/" + d.planGuid()));
        return node;
    }

    public static ObjectNode present(PlanDefinitionSchema s, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", s.offeringGuid());
        if (s.schema() == null) {
            node.putNull("schema");
        } else {
            ObjectNode schema = node.putObject("schema");
            schema.set("json_schema", JsonSupport.MAPPER.valueToTree(s.schema().getOrDefault("json_schema", null)));
            schema.set("ui_schema", JsonSupport.MAPPER.valueToTree(s.schema().getOrDefault("ui_schema", null)));
            schema.set("version", JsonSupport.MAPPER.valueToTree(s.schema().getOrDefault("version", null)));
        }
        node.putObject("relationships").set("service_offering", MetadataPresenter.relationship(s.offeringGuid()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/service_offerings/" + s.offeringGuid() + "/plan_definition_schema"));
        l.set("service_offering", links.href("/v3/service_offerings/" + s.offeringGuid()));
        return node;
    }
}
