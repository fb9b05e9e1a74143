package dev.capi.rest.v3.users;

import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code /v3/users}: list, create, get, update (metadata), delete. */
@Path("/v3/users")
public final class UsersResource extends V3Resource {
    @GET
    public Response list() {
        var params = UserMessages.list(uri, UserMessages.LIST, CfException::unprocessable);
        var page = domain.users().list(permissions(), params.query());
        var resources = page.resources().stream().map(u -> UserPresenter.present(u, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/users", links));
    }

    @POST
    public Response create(String body) {
        var user = domain.userCreate().create(permissions(), () -> UserMessages.create(body));
        return created(UserPresenter.present(user, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(UserPresenter.present(domain.users().get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var user = domain.users().update(permissions(), guid, () -> UserMessages.update(body));
        return ok(UserPresenter.present(user, links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(domain.users().delete(permissions(), guid));
    }
}
