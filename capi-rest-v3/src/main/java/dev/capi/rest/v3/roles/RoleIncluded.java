package dev.capi.rest.v3.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.roles.RoleRelations;
import dev.capi.model.Space;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;
import dev.capi.rest.v3.users.UserPresenter;

/** The {@code included} object of role documents: {@code users}, {@code organizations}, {@code spaces} as asked. */
final class RoleIncluded {
    private RoleIncluded() {
    }

    static ObjectNode present(RoleRelations relations, Links links) {
        ObjectNode included = JsonSupport.object();
        if (relations.users() != null) {
            var users = included.putArray("users");
            relations.users().forEach(u -> users.add(UserPresenter.present(u, links)));
        }
        if (relations.organizations() != null) {
            var orgs = included.putArray("organizations");
            relations.organizations().forEach(o -> orgs.add(OrganizationPresenter.present(o, links)));
        }
        if (relations.spaces() != null) {
            var spaces = included.putArray("spaces");
            relations.spaces().forEach(s -> spaces.add(space(s, links)));
        }
        return included;
    }

    /**
     * Space JSON as the reference's space presenter writes it. There is no spaces resource yet; when one lands with
     * its own presenter, use that instead.
     */
    static ObjectNode space(Space space, Links links) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", space.guid());
        node.put("created_at", JsonSupport.timestamp(space.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(space.updatedAt()));
        node.put("name", space.name());
        node.put("suspended", space.suspended());
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("organization", MetadataPresenter.relationship(space.organizationGuid()));
        relationships.set("quota", MetadataPresenter.relationship(space.quotaGuid()));
        node.set("metadata", MetadataPresenter.present(space.metadata()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/spaces/" + space.guid();
        l.set("self", links.href(self));
        l.set("organization", links.href("/v3/organizations/" + space.organizationGuid()));
        l.set("features", links.href(self + "/features"));
        l.set("apply_manifest", links.action(self + "/actions/apply_manifest", "POST"));
        if (space.quotaGuid() != null) {
            l.set("quota", links.href("/v3/space_quotas/" + space.quotaGuid()));
        }
        return node;
    }
}
