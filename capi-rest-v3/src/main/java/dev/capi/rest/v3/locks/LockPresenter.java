package dev.capi.rest.v3.locks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Lock;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Lock JSON. */
public final class LockPresenter {
    private LockPresenter() {
    }

    public static ObjectNode present(Lock lock, Links links) {
        ObjectNode node = JsonSupport.resource(lock.guid(), lock.createdAt(), lock.updatedAt());
        node.put("title", lock.title());
        node.put("detail", lock.detail());
        node.putObject("relationships").set("app", MetadataPresenter.relationship(lock.appGuid()));
        node.set("metadata", MetadataPresenter.present(lock.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/locks/" + lock.guid()));
        l.set("app", links.href("/v3/apps/" + lock.appGuid()));
        return node;
    }
}
