package dev.capi.rest.v3.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.App;
import dev.capi.model.Organization;
import dev.capi.model.Space;
import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.spaces.SpacePresenter;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import dev.capi.domain.apps.Apps;
import dev.capi.domain.apps.AppStates;
import dev.capi.domain.apps.BuildpackCaches;
import jakarta.inject.Inject;

/** {@code /v3/apps}: list, create, get, update, delete, and start/stop/restart and the buildpack cache. */
@Path("/v3/apps")
public final class AppsResource extends V3Resource {
    private final Apps apps;
    private final AppStates appStates;
    private final BuildpackCaches buildpackCaches;

    @Inject
    public AppsResource(Apps apps, AppStates appStates, BuildpackCaches buildpackCaches) {
        this.apps = apps;
        this.appStates = appStates;
        this.buildpackCaches = buildpackCaches;
    }

    /** In the reference's "Valid included resources" order. */
    static final String[] INCLUDES = {"space", "org", "space.organization"};
    static final ListSpec LIST = ListSpec.of("names", "space_guids", "organization_guids", "stacks",
            "lifecycle_type").orderBy("name", "state").labelSelector().include(INCLUDES);

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = apps.list(permissions(), params.query());
        var resources = page.resources().stream().map(a -> AppPresenter.present(a, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/apps", links);
        if (!params.includes().isEmpty()) {
            doc.set("included", included(page.resources(), params.includes()));
        }
        return ok(doc);
    }

    /** {@code spaces} for {@code space}; {@code organizations} for {@code org} or {@code space.organization}. */
    private ObjectNode included(List<App> apps, List<String> includes) {
        ObjectNode included = JsonSupport.object();
        if (includes.contains("space") || includes.contains("space.organization")) {
            var spaces = included.putArray("spaces");
            for (Space s : this.apps.spacesOf(apps)) {
                spaces.add(SpacePresenter.present(s, links));
            }
        }
        if (includes.contains("org") || includes.contains("space.organization")) {
            var orgs = included.putArray("organizations");
            for (Organization o : this.apps.organizationsOf(apps)) {
                orgs.add(OrganizationPresenter.present(o, links));
            }
        }
        return included;
    }

    @POST
    public Response create(String body) {
        var command = AppMessages.create(body);
        return created(AppPresenter.present(apps.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var includes = ListParams.singleInclude(uri, INCLUDES);
        App app = apps.get(permissions(), guid);
        ObjectNode node = AppPresenter.present(app, links);
        if (!includes.isEmpty()) {
            node.set("included", included(List.of(app), includes));
        }
        return ok(node);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = AppMessages.update(body);
        return ok(AppPresenter.present(apps.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(apps.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/actions/start")
    public Response start(@PathParam("guid") String guid) {
        return ok(AppPresenter.present(appStates.start(permissions(), guid), links));
    }

    @POST
    @Path("/{guid}/actions/stop")
    public Response stop(@PathParam("guid") String guid) {
        return ok(AppPresenter.present(appStates.stop(permissions(), guid), links));
    }

    @POST
    @Path("/{guid}/actions/restart")
    public Response restart(@PathParam("guid") String guid) {
        return ok(AppPresenter.present(appStates.restart(permissions(), guid), links));
    }

    @POST
    @Path("/{guid}/actions/clear_buildpack_cache")
    public Response clearBuildpackCache(@PathParam("guid") String guid) {
        return accepted(buildpackCaches.clear(permissions(), guid));
    }
}
