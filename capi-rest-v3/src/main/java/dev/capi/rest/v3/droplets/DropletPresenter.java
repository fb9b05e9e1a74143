package dev.capi.rest.v3.droplets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Droplet;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/**
 * Droplet JSON as the reference presents it. For readers without secret access the execution metadata becomes the
 * bare hidden marker and the whole process types hash is replaced by {@code {"redacted_message": ...}}.
 */
public final class DropletPresenter {
    static final String REDACTED = "[PRIVATE DATA HIDDEN]";

    private DropletPresenter() {
    }

    public static ObjectNode present(Droplet d, boolean showSecrets, Links links) {
        ObjectNode node = JsonSupport.resource(d.guid(), d.createdAt(), d.updatedAt());
        node.put("state", d.state());
        node.put("error", d.error());
        ObjectNode lifecycle = node.putObject("lifecycle");
        lifecycle.put("type", d.lifecycleType());
        lifecycle.putObject("data");
        boolean docker = "docker".equals(d.lifecycleType());
        if (docker) {
            node.putNull("checksum");
            node.putNull("buildpacks");
            node.putNull("stack");
        } else {
            if (d.sha256() != null || d.sha1() != null) {
                ObjectNode checksum = node.putObject("checksum");
                checksum.put("type", d.sha256() != null ? "sha256" : "sha1");
                checksum.put("value", d.sha256() != null ? d.sha256() : d.sha1());
            } else {
                node.putNull("checksum");
            }
            var buildpacks = node.putArray("buildpacks");
            d.buildpacks().forEach(b -> buildpacks.addObject().put("name", b).putNull("detect_output")
                    .put("buildpack_name", b).putNull("version"));
            node.put("stack", d.stack());
        }
        node.put("image", d.image());
        node.put("execution_metadata", showSecrets ? (d.executionMetadata() == null ? "" : d.executionMetadata())
                : REDACTED);
        ObjectNode types = node.putObject("process_types");
        if (showSecrets) {
            d.processTypes().forEach(types::put);
        } else {
            types.put("redacted_message", REDACTED);
        }
        node.putObject("relationships").putObject("app").putObject("data").put("guid", d.appGuid());
        node.set("metadata", MetadataPresenter.present(d.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/droplets/" + d.guid()));
        if (d.packageGuid() != null) {
            l.set("package", links.href("/v3/packages/" + d.packageGuid()));
        }
        l.set("app", links.href("/v3/apps/" + d.appGuid()));
        l.set("assign_current_droplet", links.action("/v3/apps/" + d.appGuid() + "/relationships/current_droplet",
                "PATCH"));
        if (!docker && Droplet.STAGED.equals(d.state())) {
            l.set("download", links.href("/v3/droplets/" + d.guid() + "/download"));
        }
        if (Droplet.AWAITING_UPLOAD.equals(d.state())) {
            l.set("upload", links.action("/v3/droplets/" + d.guid() + "/upload", "POST"));
        }
        return node;
    }
}
