package dev.capi.rest.v3.admin;

import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code POST /v3/admin/actions/clear_buildpack_cache}: admins only; 202 + job deleting every buildpack cache. */
@Path("/v3/admin/actions")
public final class AdminActionsResource extends V3Resource {
    @POST
    @Path("/clear_buildpack_cache")
    public Response clearBuildpackCache() {
        return accepted(domain.buildpackCacheClearing().clear(permissions()));
    }
}
