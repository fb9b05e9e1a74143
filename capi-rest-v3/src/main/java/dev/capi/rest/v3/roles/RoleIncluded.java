package dev.capi.rest.v3.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.roles.RoleRelations;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.spaces.SpacePresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
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
            relations.spaces().forEach(s -> spaces.add(SpacePresenter.present(s, links)));
        }
        return included;
    }
}
