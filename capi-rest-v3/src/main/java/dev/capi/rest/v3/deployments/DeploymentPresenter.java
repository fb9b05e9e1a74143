package dev.capi.rest.v3.deployments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Deployment;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** Deployment JSON as the reference presents it (canary status and steps for canary deployments only). */
final class DeploymentPresenter {
    private DeploymentPresenter() {
    }

    static ObjectNode present(Deployment d, Links links) {
        ObjectNode node = JsonSupport.resource(d.guid(), d.createdAt(), d.updatedAt());
        boolean canary = "canary".equals(d.strategy());
        node.put("state", d.state());
        ObjectNode status = node.putObject("status");
        status.put("value", d.statusValue());
        status.put("reason", d.statusReason());
        ObjectNode details = status.putObject("details");
        details.put("last_successful_healthcheck", JsonSupport.timestamp(d.lastHealthyAt() != null
                ? d.lastHealthyAt() : d.createdAt()));
        details.put("last_status_change", JsonSupport.timestamp(d.lastStatusChange()));
        if (canary) {
            status.putObject("canary").putObject("steps").put("current", d.canaryCurrentStep())
                    .put("total", Math.max(1, d.canarySteps().size()));
        }
        node.put("strategy", d.strategy());
        ObjectNode options = node.putObject("options");
        options.put("max_in_flight", d.maxInFlight());
        if (canary && !d.canarySteps().isEmpty()) {
            var steps = options.putObject("canary").putArray("steps");
            d.canarySteps().forEach(w -> steps.addObject().put("instance_weight", w));
        }
        node.putObject("droplet").put("guid", d.dropletGuid());
        node.putObject("previous_droplet").put("guid", d.previousDropletGuid());
        node.putArray("new_processes").addObject().put("guid", d.newProcessGuid()).put("type", "web");
        if (d.revisionGuid() == null) {
            node.putNull("revision");
        } else {
            node.putObject("revision").put("guid", d.revisionGuid()).put("version", d.revisionVersion());
        }
        node.putObject("relationships").putObject("app").putObject("data").put("guid", d.appGuid());
        node.set("metadata", MetadataPresenter.present(d.metadata()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/deployments/" + d.guid()));
        l.set("app", links.href("/v3/apps/" + d.appGuid()));
        l.set("cancel", links.action("/v3/deployments/" + d.guid() + "/actions/cancel", "POST"));
        if (canary) {
            l.set("continue", links.action("/v3/deployments/" + d.guid() + "/actions/continue", "POST"));
        }
        return node;
    }
}
