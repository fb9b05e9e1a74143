package dev.capi.rest.v3.routes;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code DELETE /v3/spaces/:guid/routes?unmapped=true}: deletes the space's unmapped routes in a job. */
@Path("/v3/spaces/{guid}/routes")
public final class SpaceRoutesResource extends V3Resource {
    @DELETE
    public Response deleteUnmapped(@PathParam("guid") String spaceGuid) {
        RouteMessages.unmapped(ListParams.firstValues(uri.getQueryParameters()));
        return accepted(domain.routes().deleteUnmapped(permissions(), spaceGuid));
    }
}
