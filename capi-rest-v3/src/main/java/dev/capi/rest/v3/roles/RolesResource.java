package dev.capi.rest.v3.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Role;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;
import dev.capi.domain.roles.Roles;
import dev.capi.domain.roles.RoleCreate;
import jakarta.inject.Inject;

/** {@code /v3/roles}: list, create, get, delete; {@code include=user,organization,space} on list and get. */
@Path("/v3/roles")
public final class RolesResource extends V3Resource {
    private final Roles roles;
    private final RoleCreate roleCreate;

    @Inject
    public RolesResource(Roles roles, RoleCreate roleCreate) {
        this.roles = roles;
        this.roleCreate = roleCreate;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, RoleMessages.LIST);
        var page = roles.list(permissions(), params.query());
        var resources = page.resources().stream().map(r -> RolePresenter.present(r, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/roles", links);
        include(doc, page.resources(), params.includes());
        return ok(doc);
    }

    @POST
    public Response create(String body) {
        var command = RoleMessages.create(body);
        return created(RolePresenter.present(roleCreate.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, true, RoleMessages.INCLUDES);
        Role role = roles.get(permissions(), guid);
        ObjectNode node = RolePresenter.present(role, links);
        include(node, List.of(role), includes);
        return ok(node);
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(roles.delete(permissions(), guid));
    }

    private void include(ObjectNode doc, List<Role> roles, List<String> includes) {
        if (!includes.isEmpty()) {
            doc.set("included", RoleIncluded.present(this.roles.related(roles, Set.copyOf(includes)), links));
        }
    }
}
