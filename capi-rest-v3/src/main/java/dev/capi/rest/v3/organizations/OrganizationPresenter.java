package dev.capi.rest.v3.organizations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Organization;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Organization JSON, as the reference presents it. */
public final class OrganizationPresenter {
    private OrganizationPresenter() {
    }

    public static ObjectNode present(Organization org, Links links) {
        ObjectNode node = JsonSupport.resource(org.guid(), org.createdAt(), org.updatedAt());
        node.put("name", org.name());
        node.put("suspended", org.suspended());
        node.putObject("relationships").set("quota", MetadataPresenter.relationship(org.quotaGuid()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/organizations/" + org.guid();
        l.set("self", links.href(self));
        l.set("domains", links.href(self + "/domains"));
        l.set("default_domain", links.href(self + "/domains/default"));
        if (org.quotaGuid() != null) {
            l.set("quota", links.href("/v3/organization_quotas/" + org.quotaGuid()));
        }
        node.set("metadata", MetadataPresenter.present(org.metadata()));
        return node;
    }
}
