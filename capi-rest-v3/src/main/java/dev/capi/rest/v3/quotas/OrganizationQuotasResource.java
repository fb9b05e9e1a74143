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
import dev.capi.domain.quotas.OrganizationQuotas;
import jakarta.inject.Inject;

/** {@code /v3/organization_quotas}: list, create, get, update, delete, and apply to organizations. */
@Path("/v3/organization_quotas")
public final class OrganizationQuotasResource extends V3Resource {
    private final OrganizationQuotas organizationQuotas;

    @Inject
    public OrganizationQuotasResource(OrganizationQuotas organizationQuotas) {
        this.organizationQuotas = organizationQuotas;
    }

    static final ListSpec LIST = ListSpec.of("names", "organization_guids");

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = organizationQuotas.list(permissions(), params.query());
        var resources = page.resources().stream().map(q -> QuotaPresenter.organizationQuota(q, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/organization_quotas", links));
    }

    @POST
    public Response create(String body) {
        var quota = organizationQuotas.create(permissions(),
                () -> QuotaMessages.createOrganizationQuota(body));
        return created(QuotaPresenter.organizationQuota(quota, links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(QuotaPresenter.organizationQuota(organizationQuotas.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var quota = organizationQuotas.update(permissions(), guid,
                () -> QuotaMessages.updateOrganizationQuota(body));
        return ok(QuotaPresenter.organizationQuota(quota, links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(organizationQuotas.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/relationships/organizations")
    public Response apply(@PathParam("guid") String guid, String body) {
        var guids = organizationQuotas.apply(permissions(), guid, () -> QuotaMessages.toManyData(body));
        return ok(QuotaPresenter.toMany("/v3/organization_quotas/" + guid + "/relationships/organizations", guids,
                links));
    }
}
