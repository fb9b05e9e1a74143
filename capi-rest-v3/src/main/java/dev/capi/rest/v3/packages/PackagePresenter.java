package dev.capi.rest.v3.packages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.AppPackage;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/**
 * Package JSON, as the reference presents it (docker passwords redacted), with the experimental API's fields (seed
 * 003: {@code data.hash}, {@code url}, {@code links.stage}) added so that clients of either shape read it.
 */
public final class PackagePresenter {
    private PackagePresenter() {
    }

    public static ObjectNode present(AppPackage p, Links links) {
        ObjectNode node = JsonSupport.resource(p.guid(), p.createdAt(), p.updatedAt());
        node.put("type", p.type());
        ObjectNode data = node.putObject("data");
        boolean bits = AppPackage.BITS.equals(p.type());
        if (bits) {
            data.put("error", p.error());
            ObjectNode checksum = data.putObject("checksum");
            checksum.put("type", p.sha256() != null || p.sha1() == null ? "sha256" : "sha1");
            checksum.put("value", p.sha256() != null ? p.sha256() : p.sha1());
            data.putObject("hash").put("type", "sha1").put("value", p.sha1());
        } else {
            data.put("image", p.dockerImage());
            data.put("username", p.dockerUsername());
            data.put("password", p.dockerUsername() != null ? "***" : null);
        }
        node.putNull("url");
        node.put("state", p.state());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", p.appGuid());
        node.set("metadata", MetadataPresenter.present(p.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/packages/" + p.guid()));
        if (bits) {
            l.set("upload", links.action("/v3/packages/" + p.guid() + "/upload", "POST"));
            l.set("download", links.href("/v3/packages/" + p.guid() + "/download"));
            l.set("stage", links.action("/v3/packages/" + p.guid() + "/droplets", "POST"));
        }
        l.set("app", links.href("/v3/apps/" + p.appGuid()));
        return node;
    }
}
