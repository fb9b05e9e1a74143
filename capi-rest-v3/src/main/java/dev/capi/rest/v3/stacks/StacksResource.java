package dev.capi.rest.v3.stacks;

import dev.capi.rest.v3.apps.AppPresenter;
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
import dev.capi.domain.stacks.Stacks;
import dev.capi.domain.apps.Apps;
import jakarta.inject.Inject;

/** {@code /v3/stacks}: list, create, get, update, delete (204), and the apps on a stack. */
@Path("/v3/stacks")
public final class StacksResource extends V3Resource {
    private final Stacks stacks;
    private final Apps apps;

    @Inject
    public StacksResource(Stacks stacks, Apps apps) {
        this.stacks = stacks;
        this.apps = apps;
    }

    static final ListSpec LIST = ListSpec.of("names", "default").orderBy("name").labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = stacks.list(permissions(), params.query());
        var resources = page.resources().stream().map(s -> StackPresenter.present(s, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/stacks", links));
    }

    @POST
    public Response create(String body) {
        var command = StackMessages.create(body);
        return created(StackPresenter.present(stacks.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(StackPresenter.present(stacks.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = StackMessages.update(body);
        return ok(StackPresenter.present(stacks.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        stacks.delete(permissions(), guid);
        return noContent();
    }

    /** The apps on the stack that the caller can see, paginated like {@code GET /v3/apps}. */
    @GET
    @Path("/{guid}/apps")
    public Response apps(@PathParam("guid") String guid) {
        var params = ListParams.parse(uri, ListSpec.of().orderBy("name"));
        var stack = stacks.get(permissions(), guid);
        var page = apps.list(permissions(), params.query().withFilter("stacks", List.of(stack.name())));
        var resources = page.resources().stream().map(a -> AppPresenter.present(a, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/stacks/" + guid + "/apps", links));
    }
}
