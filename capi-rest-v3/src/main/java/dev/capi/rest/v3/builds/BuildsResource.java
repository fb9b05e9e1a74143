package dev.capi.rest.v3.builds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Build;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.builds.Builds;
import jakarta.inject.Inject;

/** {@code /v3/builds}: create (stage a package), list, get, update; and {@code /v3/apps/:guid/builds}. */
@Path("/v3/builds")
public final class BuildsResource extends V3Resource {
    private final Builds builds;

    @Inject
    public BuildsResource(Builds builds) {
        this.builds = builds;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, BuildMessages.LIST);
        var page = builds.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(this::present).toList(), params,
                "/v3/builds", links));
    }

    @POST
    public Response create(String raw) {
        Build build = builds.create(permissions(), BuildMessages.create(raw));
        return created(present(build));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(builds.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var update = BuildMessages.update(raw);
        return ok(present(builds.update(permissions(), guid, update.metadata(), update.state(),
                update.error())));
    }

    ObjectNode present(Build b) {
        return BuildPresenter.present(b, builds.dropletFinal(b), links);
    }

    /**
     * {@code GET /v3/apps/:guid/builds}, and the seed's {@code PATCH /v3/apps/:guid/builds} ("Update Build Via App"):
     * the app's most recent build, updated as {@code PATCH /v3/builds/:guid} does (see docs/PATCH-APP-BUILDS.md).
     */
    @Path("/v3/apps/{guid}/builds")
    public static final class ForApp extends V3Resource {
        private final Builds builds;

        @Inject
        public ForApp(Builds builds) {
            this.builds = builds;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, BuildMessages.APP_LIST);
            var page = builds.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream().map(b -> BuildPresenter.present(b,
                    builds.dropletFinal(b), links)).toList(), params,
                    "/v3/apps/" + appGuid + "/builds", links));
        }

        @PATCH
        public Response update(@PathParam("guid") String appGuid, String raw) {
            String buildGuid = builds.latestForApp(permissions(), appGuid).guid();
            var update = BuildMessages.update(raw);
            Build b = builds.update(permissions(), buildGuid, update.metadata(), update.state(),
                    update.error());
            return ok(BuildPresenter.present(b, builds.dropletFinal(b), links));
        }
    }
}
