package dev.capi.rest.v3.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Space;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Space JSON, as the reference presents it (same keys, same order). */
public final class SpacePresenter {
    private SpacePresenter() {
    }

    public static ObjectNode present(Space space, Links links) {
        ObjectNode node = JsonSupport.resource(space.guid(), space.createdAt(), space.updatedAt());
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

    /** {@code {"name": "ssh", "description": ..., "enabled": ...}}. */
    public static ObjectNode feature(String name, boolean enabled) {
        ObjectNode node = JsonSupport.object();
        node.put("name", name);
        node.put("description", "Enable SSHing into apps in the space.");
        node.put("enabled", enabled);
        return node;
    }
}
