package dev.capi.rest.v3.organizations;

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
import dev.capi.domain.organizations.Organizations;
import jakarta.inject.Inject;

/** {@code /v3/organizations}: list, create, get, update, delete. */
@Path("/v3/organizations")
public final class OrganizationsResource extends V3Resource {
    /** The list parameters of organizations, also of an isolation segment's organizations. */
    public static final ListSpec LIST = ListSpec.of("names").orderBy("name").labelSelector();

    private final Organizations organizations;

    @Inject
    public OrganizationsResource(Organizations organizations) {
        this.organizations = organizations;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = organizations.list(permissions(), params.query());
        var resources = page.resources().stream().map(o -> OrganizationPresenter.present(o, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/organizations", links));
    }

    @POST
    public Response create(String body) {
        var command = OrganizationMessages.create(body);
        return created(OrganizationPresenter.present(organizations.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(OrganizationPresenter.present(organizations.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = OrganizationMessages.update(body);
        return ok(OrganizationPresenter.present(organizations.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(organizations.delete(permissions(), guid));
    }
}
