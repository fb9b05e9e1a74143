package dev.capi.rest.v3.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Task;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Task JSON as the reference presents it; no command key at all for callers who may not read the space's secrets (the reference's hide_secrets). */
final class TaskPresenter {

    private TaskPresenter() {
    }

    static ObjectNode present(Task t, boolean showCommand, Links links) {
        ObjectNode node = JsonSupport.resource(t.guid(), t.createdAt(), t.updatedAt());
        node.put("sequence_id", t.sequenceId());
        node.put("name", t.name());
        if (showCommand) {
            node.put("command", t.command());
        }
        node.put("user", t.user());
        node.put("state", t.state());
        node.put("memory_in_mb", t.memoryInMb());
        node.put("disk_in_mb", t.diskInMb());
        node.put("log_rate_limit_in_bytes_per_second", t.logRateLimit());
        node.putObject("result").put("failure_reason", t.failureReason());
        node.put("droplet_guid", t.dropletGuid());
        node.putObject("relationships").putObject("app").putObject("data").put("guid", t.appGuid());
        node.set("metadata", MetadataPresenter.present(t.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/tasks/" + t.guid()));
        l.set("app", links.href("/v3/apps/" + t.appGuid()));
        l.set("cancel", links.action("/v3/tasks/" + t.guid() + "/actions/cancel", "POST"));
        l.set("droplet", links.href("/v3/droplets/" + t.dropletGuid()));
        return node;
    }
}
