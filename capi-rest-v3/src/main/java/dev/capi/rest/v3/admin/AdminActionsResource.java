package dev.capi.rest.v3.admin;

import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.buildpacks.BuildpackCacheClearing;
import jakarta.inject.Inject;

/** {@code POST /v3/admin/actions/clear_buildpack_cache}: admins only; 202 + job deleting every buildpack cache. */
@Path("/v3/admin/actions")
public final class AdminActionsResource extends V3Resource {
    private final BuildpackCacheClearing buildpackCacheClearing;

    @Inject
    public AdminActionsResource(BuildpackCacheClearing buildpackCacheClearing) {
        this.buildpackCacheClearing = buildpackCacheClearing;
    }

    @POST
    @Path("/clear_buildpack_cache")
    public Response clearBuildpackCache() {
        return accepted(buildpackCacheClearing.clear(permissions()));
    }
}
