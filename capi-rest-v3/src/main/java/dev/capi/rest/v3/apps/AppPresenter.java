package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.App;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

/** App JSON, as the reference presents it (same keys, same order). */
public final class AppPresenter {
    private AppPresenter() {
    }

    public static ObjectNode present(App app, Links links) {
        ObjectNode node = JsonSupport.resource(app.guid(), app.createdAt(), app.updatedAt());
        node.put("name", app.name());
        node.put("state", app.state().name());
        ObjectNode lifecycle = node.putObject("lifecycle");
        lifecycle.put("type", app.lifecycle().type());
        ObjectNode data = lifecycle.putObject("data");
        if (!app.lifecycle().isDocker()) {
            var buildpacks = data.putArray("buildpacks");
            app.lifecycle().buildpacks().forEach(buildpacks::add);
            data.put("stack", app.lifecycle().stack());
        }
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("space", MetadataPresenter.relationship(app.spaceGuid()));
        ObjectNode droplet = relationships.putObject("current_droplet");
        droplet.putObject("data").put("guid", app.dropletGuid());
        node.set("metadata", MetadataPresenter.present(app.metadata()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/apps/" + app.guid();
        l.set("self", links.href(self));
        l.set("environment_variables", links.href(self + "/environment_variables"));
        l.set("space", links.href("/v3/spaces/" + app.spaceGuid()));
        l.set("processes", links.href(self + "/processes"));
        l.set("packages", links.href(self + "/packages"));
        l.set("current_droplet", links.href(self + "/droplets/current"));
        l.set("droplets", links.href(self + "/droplets"));
        l.set("tasks", links.href(self + "/tasks"));
        l.set("start", links.action(self + "/actions/start", "POST"));
        l.set("stop", links.action(self + "/actions/stop", "POST"));
        l.set("clear_buildpack_cache", links.action(self + "/actions/clear_buildpack_cache", "POST"));
        l.set("revisions", links.href(self + "/revisions"));
        l.set("deployed_revisions", links.href(self + "/revisions/deployed"));
        l.set("features", links.href(self + "/features"));
        return node;
    }
}
