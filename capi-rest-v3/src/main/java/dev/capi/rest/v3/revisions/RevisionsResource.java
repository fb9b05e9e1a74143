package dev.capi.rest.v3.revisions;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.revisions.Revisions;
import jakarta.inject.Inject;

/** {@code /v3/revisions/:guid} (get, update, environment variables) and an app's revisions. */
@Path("/v3/revisions")
public final class RevisionsResource extends V3Resource {
    private final Revisions revisions;

    @Inject
    public RevisionsResource(Revisions revisions) {
        this.revisions = revisions;
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(RevisionPresenter.present(revisions.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var metadata = RevisionMessages.update(raw);
        return ok(RevisionPresenter.present(revisions.update(permissions(), guid, metadata), links));
    }

    @GET
    @Path("/{guid}/environment_variables")
    public Response environmentVariables(@PathParam("guid") String guid) {
        var revision = revisions.environmentVariables(permissions(), guid);
        return ok(RevisionPresenter.environmentVariables(revision, links));
    }

    /** {@code GET /v3/apps/:guid/revisions} and {@code /revisions/deployed}. */
    @Path("/v3/apps/{guid}/revisions")
    public static final class ForApp extends V3Resource {
        private final Revisions revisions;

        @Inject
        public ForApp(Revisions revisions) {
            this.revisions = revisions;
        }

        @GET
        public Response list(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, RevisionMessages.LIST);
            var page = revisions.listForApp(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream()
                    .map(r -> RevisionPresenter.present(r, links)).toList(), params,
                    "/v3/apps/" + appGuid + "/revisions", links));
        }

        @GET
        @Path("/deployed")
        public Response deployed(@PathParam("guid") String appGuid) {
            var params = ListParams.parse(uri, RevisionMessages.DEPLOYED_LIST);
            var page = revisions.deployed(permissions(), appGuid, params.query());
            return ok(Pagination.document(page, page.resources().stream()
                    .map(r -> RevisionPresenter.present(r, links)).toList(), params,
                    "/v3/apps/" + appGuid + "/revisions/deployed", links));
        }
    }
}
