package dev.capi.rest.v3.quotas;

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
import dev.capi.domain.quotas.SpaceQuotas;
import jakarta.inject.Inject;

/**
 * {@code /v3/space_quotas}: list (bad query parameters are 422 here), create, get, update, delete, apply to spaces
 * and remove from a space.
 */
@Path("/v3/space_quotas")
public final class SpaceQuotasResource extends V3Resource {
    private final SpaceQuotas spaceQuotas;

    @Inject
    public SpaceQuotasResource(SpaceQuotas spaceQuotas) {
        this.spaceQuotas = spaceQuotas;
    }

    static final ListSpec LIST = ListSpec.of("names", "organization_guids", "space_guids").unprocessableOnError();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = spaceQuotas.list(permissions(), params.query());
        var resources = page.resources().stream().map(q -> QuotaPresenter.spaceQuota(q, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/space_quotas", links));
    }

    @POST
    public Response create(String body) {
        var quota = spaceQuotas.create(permissions(), () -> QuotaMessages.createSpaceQuota(body));
        return created(QuotaPresenter.spaceQuota(quota, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(QuotaPresenter.spaceQuota(spaceQuotas.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var quota = spaceQuotas.update(permissions(), guid, () -> QuotaMessages.updateSpaceQuota(body));
        return ok(QuotaPresenter.spaceQuota(quota, links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(spaceQuotas.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/relationships/spaces")
    public Response apply(@PathParam("guid") String guid, String body) {
        var guids = spaceQuotas.apply(permissions(), guid, () -> QuotaMessages.toManyData(body));
        return ok(QuotaPresenter.toMany("/v3/space_quotas/" + guid + "/relationships/spaces", guids, links));
    }

    @DELETE
    @Path("/{guid}/relationships/spaces/{spaceGuid}")
    public Response remove(@PathParam("guid") String guid, @PathParam("spaceGuid") String spaceGuid) {
        spaceQuotas.remove(permissions(), guid, spaceGuid);
        return noContent();
    }
}
