package dev.capi.rest.v3.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.routes.RouteDetails;
import dev.capi.model.Domain;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.rest.v3.domains.DomainPresenter;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.spaces.SpacePresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import dev.capi.domain.routes.Routes;
import dev.capi.domain.featureflags.FeatureFlags;
import dev.capi.domain.routes.RouteCreate;
import dev.capi.domain.routes.RouteDestinations;
import jakarta.inject.Inject;

/**
 * {@code /v3/routes}: list, create, get, update, delete, destinations (list, insert, replace by PATCH or PUT, update
 * protocol, remove), shared spaces (list, share, unshare) and transfer of the owning space.
 */
@Path("/v3/routes")
public final class RoutesResource extends V3Resource {
    private final Routes routes;
    private final FeatureFlags featureFlags;
    private final RouteCreate routeCreate;
    private final RouteDestinations routeDestinations;

    @Inject
    public RoutesResource(Routes routes, FeatureFlags featureFlags, RouteCreate routeCreate, RouteDestinations routeDestinations) {
        this.routes = routes;
        this.featureFlags = featureFlags;
        this.routeCreate = routeCreate;
        this.routeDestinations = routeDestinations;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, RouteMessages.LIST);
        var page = routes.list(permissions(), params.query());
        var resources = page.resources().stream().map(r -> RoutePresenter.present(r, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/routes", links);
        include(doc, page.resources(), params.includes());
        return ok(doc);
    }

    @POST
    public Response create(String body) {
        boolean hash = featureFlags.enabled("hash_based_routing");
        return created(RoutePresenter.present(routeCreate.create(permissions(),
                () -> RouteMessages.create(body, hash)), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, true, RouteMessages.INCLUDES);
        RouteDetails route = routes.get(permissions(), guid);
        ObjectNode node = RoutePresenter.present(route, links);
        include(node, List.of(route), includes);
        return ok(node);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = RouteMessages.update(body, featureFlags.enabled("hash_based_routing"));
        return ok(RoutePresenter.present(routes.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        RouteMessages.noQuery(ListParams.firstValues(uri.getQueryParameters()));
        return accepted(routes.delete(permissions(), guid));
    }

    @GET
    @Path("/{guid}/destinations")
    public Response destinations(@PathParam("guid") String guid) {
        var filter = RouteDestinationMessages.destinationFilter(ListParams.firstValues(uri.getQueryParameters()));
        return ok(RoutePresenter.destinationList(routeDestinations.list(permissions(), guid, filter), links));
    }

    @POST
    @Path("/{guid}/destinations")
    public Response insertDestinations(@PathParam("guid") String guid, String body) {
        var wanted = RouteDestinationMessages.destinations(body, false);
        return ok(RoutePresenter.destinationList(
                routeDestinations.insert(permissions(), guid, wanted), links));
    }

    @PATCH
    @Path("/{guid}/destinations")
    public Response replaceDestinations(@PathParam("guid") String guid, String body) {
        var wanted = RouteDestinationMessages.destinations(body, true);
        return ok(RoutePresenter.destinationList(
                routeDestinations.replace(permissions(), guid, wanted), links));
    }

    /** The seed's PUT: the same replace as PATCH. */
    @PUT
    @Path("/{guid}/destinations")
    public Response putDestinations(@PathParam("guid") String guid, String body) {
        return replaceDestinations(guid, body);
    }

    @PATCH
    @Path("/{guid}/destinations/{destination_guid}")
    public Response updateDestination(@PathParam("guid") String guid,
                                      @PathParam("destination_guid") String destinationGuid, String body) {
        String protocol = RouteDestinationMessages.destinationProtocol(body);
        RouteDetails d = routeDestinations.updateProtocol(permissions(), guid, destinationGuid, protocol);
        return ok(RoutePresenter.destinationWithLinks(d, d.destinations().get(0), links));
    }

    @DELETE
    @Path("/{guid}/destinations/{destination_guid}")
    public Response removeDestination(@PathParam("guid") String guid,
                                      @PathParam("destination_guid") String destinationGuid) {
        routeDestinations.remove(permissions(), guid, destinationGuid);
        return noContent();
    }

    @GET
    @Path("/{guid}/relationships/shared_spaces")
    public Response sharedSpaces(@PathParam("guid") String guid) {
        return ok(RoutePresenter.sharedSpaces(guid, routes.sharedSpaces(permissions(), guid), links));
    }

    @POST
    @Path("/{guid}/relationships/shared_spaces")
    public Response share(@PathParam("guid") String guid, String body) {
        return ok(RoutePresenter.sharedSpaces(guid,
                routes.share(permissions(), guid, () -> RouteMessages.toMany(body)), links));
    }

    @DELETE
    @Path("/{guid}/relationships/shared_spaces/{space_guid}")
    public Response unshare(@PathParam("guid") String guid, @PathParam("space_guid") String spaceGuid) {
        routes.unshare(permissions(), guid, spaceGuid);
        return noContent();
    }

    @PATCH
    @Path("/{guid}/relationships/space")
    public Response transfer(@PathParam("guid") String guid, String body) {
        routes.transfer(permissions(), guid, () -> RouteMessages.transfer(body));
        ObjectNode doc = JsonSupport.object();
        doc.put("status", "ok");
        return ok(doc);
    }

    /** {@code included.domains/spaces/organizations/route_policies}: one query per relation. */
    private void include(ObjectNode doc, List<RouteDetails> routes, List<String> includes) {
        if (includes.isEmpty()) {
            return;
        }
        ObjectNode included = doc.putObject("included");
        if (includes.contains("domain")) {
            var array = included.putArray("domains");
            for (Domain d : this.routes.domainsOf(permissions(), routes)) {
                array.add(DomainPresenter.present(d, links));
            }
        }
        boolean orgs = includes.contains("space.organization");
        if (includes.contains("space") || orgs) {
            List<Space> spaces = this.routes.spacesOf(routes);
            var array = included.putArray("spaces");
            spaces.forEach(s -> array.add(SpacePresenter.present(s, links)));
            if (orgs) {
                var orgArray = included.putArray("organizations");
                for (Organization o : this.routes.organizationsOf(spaces)) {
                    orgArray.add(OrganizationPresenter.present(o, links));
                }
            }
        }
        if (includes.contains("route_policies")) {
            included.putArray("route_policies");
        }
    }
}
