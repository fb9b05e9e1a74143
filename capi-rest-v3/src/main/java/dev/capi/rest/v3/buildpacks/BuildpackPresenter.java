package dev.capi.rest.v3.buildpacks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Buildpack;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Buildpack JSON, as the reference presents it. */
final class BuildpackPresenter {
    private BuildpackPresenter() {
    }

    static ObjectNode present(Buildpack b, Links links) {
        ObjectNode node = JsonSupport.resource(b.guid(), b.createdAt(), b.updatedAt());
        node.put("name", b.name());
        node.put("stack", b.stack());
        node.put("state", b.state());
        node.put("lifecycle", b.lifecycle());
        node.put("filename", b.filename());
        node.put("position", b.position());
        node.put("enabled", b.enabled());
        node.put("locked", b.locked());
        node.set("metadata", MetadataPresenter.present(b.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/buildpacks/" + b.guid()));
        l.set("upload", links.action("/v3/buildpacks/" + b.guid() + "/upload", "POST"));
        return node;
    }
}
