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
import dev.capi.domain.users.Users;
import dev.capi.domain.users.UserCreate;
import jakarta.inject.Inject;

/** {@code /v3/users}: list, create, get, update (metadata), delete. */
@Path("/v3/users")
public final class UsersResource extends V3Resource {
    private final Users users;
    private final UserCreate userCreate;

    @Inject
    public UsersResource(Users users, UserCreate userCreate) {
        this.users = users;
        this.userCreate = userCreate;
    }

    @GET
    public Response list() {
        var params = UserMessages.list(uri, UserMessages.LIST, CfException::unprocessable);
        var page = users.list(permissions(), params.query());
        var resources = page.resources().stream().map(u -> UserPresenter.present(u, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/users", links));
    }

    @POST
    public Response create(String body) {
        var user = userCreate.create(permissions(), () -> UserMessages.create(body));
        return created(UserPresenter.present(user, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(UserPresenter.present(users.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var user = users.update(permissions(), guid, () -> UserMessages.update(body));
        return ok(UserPresenter.present(user, links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(users.delete(permissions(), guid));
    }
}
