package dev.capi.rest.v3.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.routes.RouteDestinations;
import dev.capi.domain.routes.RouteDetails;
import dev.capi.model.Route;
import dev.capi.model.RouteDestination;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.MetadataPresenter;

import java.util.List;

/** Route and destination JSON, as the reference presents them. */
public final class RoutePresenter {
    private RoutePresenter() {
    }

    public static ObjectNode present(RouteDetails d, Links links) {
        Route r = d.route();
        ObjectNode node = JsonSupport.object();
        node.put("guid", r.guid());
        node.put("created_at", JsonSupport.timestamp(r.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(r.updatedAt()));
        node.put("protocol", d.domain().protocol());
        node.put("host", r.host());
        node.put("path", r.path());
        if (r.port() == null) {
            node.putNull("port");
        } else {
            node.put("port", r.port());
        }
        node.put("url", r.url(d.domain().name()));
        node.set("destinations", destinations(d, d.destinations()));
        if (r.options() != null) {
            ObjectNode options = node.putObject("options");
            r.options().forEach(options::put);
        }
        node.set("metadata", MetadataPresenter.present(r.metadata()));
        ObjectNode relationships = node.putObject("relationships");
        relationships.set("space", MetadataPresenter.relationship(r.spaceGuid()));
        relationships.set("domain", MetadataPresenter.relationship(r.domainGuid()));
        ObjectNode l = node.putObject("links");
        String self = "/v3/routes/" + r.guid();
        l.set("self", links.href(self));
        l.set("space", links.href("/v3/spaces/" + r.spaceGuid()));
        l.set("destinations", links.href(self + "/destinations"));
        l.set("domain", links.href("/v3/domains/" + r.domainGuid()));
        return node;
    }

    static ArrayNode destinations(RouteDetails d, List<RouteDestination> list) {
        ArrayNode array = JsonSupport.MAPPER.createArrayNode();
        list.forEach(x -> array.add(destination(d, x)));
        return array;
    }

    static ObjectNode destination(RouteDetails d, RouteDestination x) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", x.guid());
        ObjectNode app = node.putObject("app");
        app.put("guid", x.appGuid());
        app.putObject("process").put("type", x.processType());
        if (x.weight() == null) {
            node.putNull("weight");
        } else {
            node.put("weight", x.weight());
        }
        node.put("port", RouteDestinations.presentedPort(x));
        node.put("protocol", RouteDestinations.protocol(d, x));
        node.put("created_at", JsonSupport.timestamp(x.createdAt()));
        node.put("updated_at", JsonSupport.timestamp(x.updatedAt()));
        return node;
    }

    /** {@code {"destinations": [...], "links": {self, route}}}. */
    public static ObjectNode destinationList(RouteDetails d, Links links) {
        ObjectNode node = JsonSupport.object();
        node.set("destinations", destinations(d, d.destinations()));
        ObjectNode l = node.putObject("links");
        l.set("self", links.href("/v3/routes/" + d.route().guid() + "/destinations"));
        l.set("route", links.href("/v3/routes/" + d.route().guid()));
        return node;
    }

    /** One destination with its links (destination update). */
    public static ObjectNode destinationWithLinks(RouteDetails d, RouteDestination x, Links links) {
        ObjectNode node = destination(d, x);
        ObjectNode l = node.putObject("links");
        l.set("destinations", links.href("/v3/routes/" + d.route().guid() + "/destinations"));
        l.set("route", links.href("/v3/routes/" + d.route().guid()));
        return node;
    }

    /** {@code {"data": [{"guid"}], "links": {"self"}}} of the shared spaces relationship. */
    public static ObjectNode sharedSpaces(String routeGuid, List<String> spaceGuids, Links links) {
        ObjectNode node = JsonSupport.object();
        ArrayNode data = node.putArray("data");
        spaceGuids.forEach(g -> data.addObject().put("guid", g));
        node.putObject("links").set("self", links.href("/v3/routes/" + routeGuid + "/relationships/shared_spaces"));
        return node;
    }
}
