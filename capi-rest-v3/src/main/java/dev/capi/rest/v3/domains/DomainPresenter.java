package dev.capi.rest.v3.domains;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Domain;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

import java.util.List;

/** Domain JSON, as the reference presents it (shared organizations already reduced to those the caller sees). */
public final class DomainPresenter {
    private DomainPresenter() {
    }

    public static ObjectNode present(Domain d, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", d.guid());
        node.put("created_at", JsonSupport.timestamp(d.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(d.updatedAt()));
        node.put("name", d.name());
        node.put("internal", d.internal());
        if (d.routerGroupGuid() == null) {
            node.putNull("router_group");
        } else {
            node.putObject("router_group").put("guid", d.routerGroupGuid());
        }
        node.putArray("supported_protocols").add(d.protocol());
        if (d.enforceRoutePolicies()) {
            node.put("enforce_route_policies", true);
            node.put("route_policies_scope", d.routePoliciesScope());
        }
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("organization", MetadataPresenter.relationship(d.owningOrganizationGuid()));
        relationships.putObject("shared_organizations").set("data", guids(d.sharedOrganizationGuids()));
        node.set("metadata", MetadataPresenter.present(d.metadata()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/domains/" + d.guid();
        l.set("self", links.href(self));
        l.set("route_reservations", links.href(self + "/route_reservations"));
        if (d.isPrivate()) {
            l.set("organization", links.href("/v3/organizations/" + d.owningOrganizationGuid()));
            l.set("shared_organizations", links.href(self + "/relationships/shared_organizations"));
        }
        return node;
    }

    /** {@code {"data": [{"guid": ...}]}} of the shared organizations relationship. */
    public static ObjectNode sharedOrganizations(List<String> orgGuids) {
        ObjectNode node = JsonSupport.object();
        node.set("data", guids(orgGuids));
        return node;
    }

    static ArrayNode guids(List<String> guids) {
        ArrayNode array = JsonSupport.MAPPER.createArrayNode();
        guids.forEach(g -> array.addObject().put("guid", g));
        return array;
    }
}
