package dev.capi.rest.v3.users;

import dev.capi.domain.errors.CfException;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.users.Users;
import jakarta.inject.Inject;

/** {@code GET /v3/spaces/:guid/users}: users holding a space role there. */
@Path("/v3/spaces/{guid}/users")
public final class SpaceUsersResource extends V3Resource {
    private final Users users;

    @Inject
    public SpaceUsersResource(Users users) {
        this.users = users;
    }

    @GET
    public Response list(@PathParam("guid") String spaceGuid) {
        var params = UserMessages.list(uri, UserMessages.MEMBERS, CfException::badQuery);
        var page = users.listInSpace(permissions(), spaceGuid, params.query());
        var resources = page.resources().stream().map(u -> UserPresenter.present(u, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/spaces/" + spaceGuid + "/users", links));
    }
}
