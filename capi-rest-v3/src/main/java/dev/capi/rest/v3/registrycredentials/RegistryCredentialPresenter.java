package dev.capi.rest.v3.registrycredentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.RegistryCredential;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Registry credential JSON; the password is never shown. */
public final class RegistryCredentialPresenter {
    private RegistryCredentialPresenter() {
    }

    public static ObjectNode present(RegistryCredential c, Links links) {
        ObjectNode node = JsonSupport.resource(c.guid(), c.createdAt(), c.updatedAt());
        node.put("location", c.location());
        node.put("username", c.username());
        node.put("scope", c.scope());
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("organization", MetadataPresenter.relationship(c.organizationGuid()));
        relationships.set("space", MetadataPresenter.relationship(c.spaceGuid()));
        node.set("metadata", MetadataPresenter.present(c.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/registry_credentials/" + c.guid()));
        l.set("organization", links.href("/v3/organizations/" + c.organizationGuid()));
        if (c.spaceGuid() != null) {
            l.set("space", links.href("/v3/spaces/" + c.spaceGuid()));
        }
        return node;
    }
}
