package dev.capi.rest.v3.securitygroups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.SecurityGroup;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;

import java.util.List;

/** Security group JSON, as the reference presents it (bound spaces as the domain left them visible). */
public final class SecurityGroupPresenter {
    private SecurityGroupPresenter() {
    }

    public static ObjectNode present(SecurityGroup group, Links links) {
        ObjectNode node = JsonSupport.resource(group.guid(), group.createdAt(), group.updatedAt());
        node.put("name", group.name());
        node.set("rules", JsonSupport.MAPPER.valueToTree(group.rules()));
        node.putObject("globally_enabled").put("running", group.runningDefault())
                .put("staging", group.stagingDefault());
        ObjectNode relationships = node.putObject("relationships");
        relationships.putObject("running_spaces").set("data", guids(group.runningSpaceGuids()));
        relationships.putObject("staging_spaces").set("data", guids(group.stagingSpaceGuids()));
        node.putObject("links").set("self", links.href("/v3/security_groups/" + group.guid()));
        return node;
    }

    private static ArrayNode guids(List<String> guids) {
        ArrayNode data = JsonSupport.MAPPER.createArrayNode();
        guids.forEach(g -> data.addObject().put("guid", g));
        return data;
    }
}
