package dev.capi.rest.v3.routes;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.routes.Routes;
import jakarta.inject.Inject;

/** {@code DELETE /v3/spaces/:guid/routes?unmapped=true}: deletes the space's unmapped routes in a job. */
@Path("/v3/spaces/{guid}/routes")
public final class SpaceRoutesResource extends V3Resource {
    private final Routes routes;

    @Inject
    public SpaceRoutesResource(Routes routes) {
        this.routes = routes;
    }

    @DELETE
    public Response deleteUnmapped(@PathParam("guid") String spaceGuid) {
        RouteMessages.unmapped(ListParams.firstValues(uri.getQueryParameters()));
        return accepted(routes.deleteUnmapped(permissions(), spaceGuid));
    }
}
