package dev.capi.rest.v3.domains;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.domains.Domains;
import jakarta.inject.Inject;

/** {@code /v3/organizations/:guid/domains} and {@code .../domains/default}. */
@Path("/v3/organizations/{guid}/domains")
public final class OrganizationDomainsResource extends V3Resource {
    private final Domains domains;

    @Inject
    public OrganizationDomainsResource(Domains domains) {
        this.domains = domains;
    }

    @GET
    public Response list(@PathParam("guid") String orgGuid) {
        var params = ListParams.parse(uri, DomainMessages.LIST);
        var page = domains.listForOrganization(permissions(), orgGuid, params.query());
        var resources = page.resources().stream().map(d -> DomainPresenter.present(d, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/organizations/" + orgGuid + "/domains", links));
    }

    @GET
    @Path("/default")
    public Response defaultDomain(@PathParam("guid") String orgGuid) {
        return ok(DomainPresenter.present(domains.defaultDomain(permissions(), orgGuid), links));
    }
}
