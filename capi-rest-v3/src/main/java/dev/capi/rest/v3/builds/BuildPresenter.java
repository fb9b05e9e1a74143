package dev.capi.rest.v3.builds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Build;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Build JSON as the reference presents it: the droplet only once it reached a final state. */
final class BuildPresenter {
    private BuildPresenter() {
    }

    static ObjectNode present(Build b, boolean dropletFinal, Links links) {
        ObjectNode node = JsonSupport.resource(b.guid(), b.createdAt(), b.updatedAt());
        node.put("state", b.state());
        node.put("staging_memory_in_mb", b.stagingMemoryInMb());
        node.put("staging_disk_in_mb", b.stagingDiskInMb());
        node.put("staging_log_rate_limit_bytes_per_second", b.stagingLogRateLimit());
        node.put("error", b.error());
        ObjectNode lifecycle = node.putObject("lifecycle");
        lifecycle.put("type", b.lifecycleType());
        ObjectNode data = lifecycle.putObject("data");
        if (!"docker".equals(b.lifecycleType())) {
            var buildpacks = data.putArray("buildpacks");
            b.buildpacks().forEach(buildpacks::add);
            data.put("stack", b.stack());
        }
        node.putObject("package").put("guid", b.packageGuid());
        if (dropletFinal) {
            node.putObject("droplet").put("guid", b.dropletGuid());
        } else {
            node.putNull("droplet");
        }
        node.putObject("created_by").put("guid", b.createdByGuid()).put("name", b.createdByName())
                .put("email", b.createdByEmail());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", b.appGuid());
        node.set("metadata", MetadataPresenter.present(b.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/builds/" + b.guid()));
        l.set("app", links.href("/v3/apps/" + b.appGuid()));
        if (dropletFinal) {
            l.set("droplet", links.href("/v3/droplets/" + b.dropletGuid()));
        }
        return node;
    }
}
