package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.apps.CurrentDroplet;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.droplets.Droplets;
import jakarta.inject.Inject;

/** An app's current droplet: the droplet itself and the relationship. */
public final class AppDropletResources {
    private AppDropletResources() {
    }

    /** {@code GET /v3/apps/:guid/droplets/current}: the app's current droplet, presented as droplets are. */
    @Path("/v3/apps/{guid}/droplets/current")
    public static final class Current extends V3Resource {
        private final CurrentDroplet currentDroplet;
        private final Droplets droplets;

        @Inject
        public Current(CurrentDroplet currentDroplet, Droplets droplets) {
            this.currentDroplet = currentDroplet;
            this.droplets = droplets;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            var current = currentDroplet.get(permissions(), guid);
            var droplet = droplets.get(permissions(), current.droplet().guid());
            return ok(dev.capi.rest.v3.droplets.DropletPresenter.present(droplet,
                    droplets.canSeeSecrets(permissions(), droplet), links));
        }
    }

    /** {@code GET|PATCH /v3/apps/:guid/relationships/current_droplet}. */
    @Path("/v3/apps/{guid}/relationships/current_droplet")
    public static final class Relationship extends V3Resource {
        private final CurrentDroplet currentDroplet;

        @Inject
        public Relationship(CurrentDroplet currentDroplet) {
            this.currentDroplet = currentDroplet;
        }

        @GET
        public Response get(@PathParam("guid") String guid) {
            return ok(present(currentDroplet.get(permissions(), guid), links));
        }

        @PATCH
        public Response update(@PathParam("guid") String guid, String body) {
            String droplet = AppMessages.dropletGuid(body);
            boolean dataGiven = AppMessages.dataGiven(body);
            return ok(present(currentDroplet.assign(permissions(), guid, droplet, dataGiven), links));
        }

        static ObjectNode present(CurrentDroplet.Current current, Links links) {
            ObjectNode node = JsonSupport.object();
            node.putObject("data").put("guid", current.droplet().guid());
            ObjectNode l = node.putObject("links");
            String app = "/v3/apps/" + current.app().guid();
            l.set("self", links.href(app + "/relationships/current_droplet"));
            l.set("related", links.href(app + "/droplets/current"));
            return node;
        }
    }
}
