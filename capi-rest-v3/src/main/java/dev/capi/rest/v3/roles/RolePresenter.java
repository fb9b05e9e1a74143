package dev.capi.rest.v3.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Role;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;
import dev.capi.rest.v3.users.UserPresenter;

/** Role JSON, as the reference presents it: a space role has a null organization relationship and vice versa. */
public final class RolePresenter {
    private RolePresenter() {
    }

    public static ObjectNode present(Role role, Links links) {
        ObjectNode node = JsonSupport.resource(role.guid(), role.createdAt(), role.updatedAt());
        node.put("type", role.type().wireName());
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("user", MetadataPresenter.relationship(role.userGuid()));
        boolean space = role.type().isSpaceRole();
        if (space) {
            relationships.set("space", MetadataPresenter.relationship(role.spaceGuid()));
            relationships.set("organization", MetadataPresenter.relationship(null));
        } else {
            relationships.set("organization", MetadataPresenter.relationship(role.organizationGuid()));
            relationships.set("space", MetadataPresenter.relationship(null));
        }
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/roles/" + role.guid()));
        l.set("user", links.href(UserPresenter.path(role.userGuid())));
        if (space) {
            l.set("space", links.href("/v3/spaces/" + role.spaceGuid()));
        } else {
            l.set("organization", links.href("/v3/organizations/" + role.organizationGuid()));
        }
        return node;
    }
}
