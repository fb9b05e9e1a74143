package dev.capi.rest.v3.routes;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.routes.Routes;
import jakarta.inject.Inject;

/** {@code GET /v3/apps/:guid/routes}: the routes an app has destinations on. */
@Path("/v3/apps/{guid}/routes")
public final class AppRoutesResource extends V3Resource {
    private final Routes routes;

    @Inject
    public AppRoutesResource(Routes routes) {
        this.routes = routes;
    }

    @GET
    public Response list(@PathParam("guid") String appGuid) {
        var params = ListParams.parse(uri, RouteMessages.LIST);
        var page = routes.listForApp(permissions(), appGuid, params.query());
        var resources = page.resources().stream().map(r -> RoutePresenter.present(r, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/apps/" + appGuid + "/routes", links));
    }
}
