package dev.capi.rest.v3.sidecars;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.sidecars.Sidecars;
import jakarta.inject.Inject;

/** {@code /v3/sidecars/:guid} (get, update, delete 204), and the sidecars of an app or a process. */
@Path("/v3/sidecars")
public final class SidecarsResource extends V3Resource {
    private final Sidecars sidecars;

    @Inject
    public SidecarsResource(Sidecars sidecars) {
        this.sidecars = sidecars;
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(SidecarPresenter.present(sidecars.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var cmd = SidecarMessages.update(raw);
        return ok(SidecarPresenter.present(sidecars.update(permissions(), guid, cmd)));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        sidecars.delete(permissions(), guid);
        return noContent();
    }

    /** {@code GET|POST /v3/apps/:guid/sidecars}. */
    @Path("/v3/apps/{guid}/sidecars")
    public static final class ForApp extends V3Resource {
        private final Sidecars sidecars;

        @Inject
        public ForApp(Sidecars sidecars) {
            this.sidecars = sidecars;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, SidecarMessages.LIST);
            var page = sidecars.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(SidecarPresenter::present).toList(),
                    params, "/v3/apps/" + appGuid + "/sidecars", links));
        }

        @POST
        public Response create(@PathParam("guid") String appGuid, String raw) {
            var cmd = SidecarMessages.create(raw);
            return created(SidecarPresenter.present(sidecars.create(permissions(), appGuid, cmd)));
        }
    }

    /** {@code GET /v3/processes/:guid/sidecars}. */
    @Path("/v3/processes/{guid}/sidecars")
    public static final class ForProcess extends V3Resource {
        private final Sidecars sidecars;

        @Inject
        public ForProcess(Sidecars sidecars) {
            this.sidecars = sidecars;
        }

        @GET
        public Response list(@PathParam("guid") String processGuid) {
            var params = ListParams.parse(uri, SidecarMessages.LIST);
            var page = sidecars.listForProcess(permissions(), processGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(SidecarPresenter::present).toList(),
                    params, "/v3/processes/" + processGuid + "/sidecars", links));
        }
    }
}
