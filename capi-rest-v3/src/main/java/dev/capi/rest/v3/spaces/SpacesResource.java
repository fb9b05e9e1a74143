package dev.capi.rest.v3.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import dev.capi.domain.spaces.Spaces;
import jakarta.inject.Inject;

/** {@code /v3/spaces}: list, create, get, update, delete, and the space's features. */
@Path("/v3/spaces")
public final class SpacesResource extends V3Resource {
    private final Spaces spaces;

    @Inject
    public SpacesResource(Spaces spaces) {
        this.spaces = spaces;
    }

    /** The reference lists them in this order in its "Valid included resources" text. */
    static final String[] INCLUDES = {"org", "organization"};
    static final ListSpec LIST = ListSpec.of("names", "organization_guids").orderBy("name").labelSelector()
            .include(INCLUDES);

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = spaces.list(permissions(), params.query());
        var resources = page.resources().stream().map(s -> SpacePresenter.present(s, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/spaces", links);
        if (!params.includes().isEmpty()) {
            doc.set("included", included(page.resources()));
        }
        return ok(doc);
    }

    private ObjectNode included(List<Space> spaces) {
        ObjectNode included = JsonSupport.object();
        var orgs = included.putArray("organizations");
        for (Organization o : this.spaces.organizationsOf(spaces)) {
            orgs.add(OrganizationPresenter.present(o, links));
        }
        return included;
    }

    @POST
    public Response create(String body) {
        var command = SpaceMessages.create(body);
        return created(SpacePresenter.present(spaces.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, INCLUDES);
        Space space = spaces.get(permissions(), guid);
        ObjectNode node = SpacePresenter.present(space, links);
        if (!includes.isEmpty()) {
            node.set("included", included(List.of(space)));
        }
        return ok(node);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = SpaceMessages.update(body);
        return ok(SpacePresenter.present(spaces.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(spaces.delete(permissions(), guid));
    }

    @GET
    @Path("/{guid}/features")
    public Response features(@PathParam("guid") String guid) {
        ObjectNode doc = JsonSupport.object();
        var resources = doc.putArray("resources");
        spaces.features(permissions(), guid).forEach((n, e) -> resources.add(SpacePresenter.feature(n, e)));
        return ok(doc);
    }

    @GET
    @Path("/{guid}/features/{name}")
    public Response feature(@PathParam("guid") String guid, @PathParam("name") String name) {
        return ok(SpacePresenter.feature(name, spaces.feature(permissions(), guid, name)));
    }

    @PATCH
    @Path("/{guid}/features/{name}")
    public Response updateFeature(@PathParam("guid") String guid, @PathParam("name") String name, String body) {
        boolean enabled = SpaceMessages.feature(body);
        return ok(SpacePresenter.feature(name, spaces.updateFeature(permissions(), guid, name, enabled)));
    }
}
