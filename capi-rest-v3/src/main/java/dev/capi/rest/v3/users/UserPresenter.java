package dev.capi.rest.v3.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.User;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;
import dev.capi.rest.v3.support.Pagination;

/** User JSON, as the reference presents it (presentation_name falls back to the guid; the guid is escaped in links). */
public final class UserPresenter {
    private UserPresenter() {
    }

    public static ObjectNode present(User user, Links links) {
        ObjectNode node = JsonSupport.resource(user.guid(), user.createdAt(), user.updatedAt());
        node.put("username", user.username());
        node.put("presentation_name", user.username() != null ? user.username() : user.guid());
        node.put("origin", user.origin());
        node.set("metadata", MetadataPresenter.present(user.metadata()));
        node.putObject("links").set("self", links.href(path(user.guid())));
        return node;
    }

    /** {@code /v3/users/<escaped guid>} (user guids may be client ids with any characters). */
    public static String path(String guid) {
        return "/v3/users/" + Pagination.escape(guid);
    }
}
