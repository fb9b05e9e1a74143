package dev.capi.rest.v3.locks;

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
import dev.capi.domain.locks.Locks;
import jakarta.inject.Inject;

/** {@code /v3/locks} (seed extension): list, create, get, update, delete (202 + job). */
@Path("/v3/locks")
public final class LocksResource extends V3Resource {
    private final Locks locks;

    @Inject
    public LocksResource(Locks locks) {
        this.locks = locks;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LockMessages.LIST);
        var page = locks.list(permissions(), params.query());
        var resources = page.resources().stream().map(l -> LockPresenter.present(l, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/locks", links));
    }

    @POST
    public Response create(String raw) {
        var lock = locks.create(permissions(), LockMessages.create(raw));
        return created(LockPresenter.present(lock, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(LockPresenter.present(locks.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var command = LockMessages.update(raw);
        return ok(LockPresenter.present(locks.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(locks.delete(permissions(), guid));
    }
}
