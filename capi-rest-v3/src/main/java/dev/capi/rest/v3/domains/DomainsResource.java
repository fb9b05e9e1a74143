package dev.capi.rest.v3.domains;

import dev.capi.rest.v3.support.JsonSupport;
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
import dev.capi.domain.domains.Domains;
import jakarta.inject.Inject;

/** {@code /v3/domains}: list, create, get, update, delete, sharing with organizations, route reservations. */
@Path("/v3/domains")
public final class DomainsResource extends V3Resource {
    private final Domains domains;

    @Inject
    public DomainsResource(Domains domains) {
        this.domains = domains;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, DomainMessages.LIST);
        var page = domains.list(permissions(), params.query());
        var resources = page.resources().stream().map(d -> DomainPresenter.present(d, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/domains", links));
    }

    @POST
    public Response create(String body) {
        var command = DomainMessages.create(body);
        return created(DomainPresenter.present(domains.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(DomainPresenter.present(domains.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var metadata = DomainMessages.update(body);
        return ok(DomainPresenter.present(domains.update(permissions(), guid, metadata), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(domains.delete(permissions(), guid));
    }

    @POST
    @Path("/{guid}/relationships/shared_organizations")
    public Response share(@PathParam("guid") String guid, String body) {
        var orgs = DomainMessages.share(body);
        return ok(DomainPresenter.sharedOrganizations(domains.share(permissions(), guid, orgs)));
    }

    @DELETE
    @Path("/{guid}/relationships/shared_organizations/{org_guid}")
    public Response unshare(@PathParam("guid") String guid, @PathParam("org_guid") String orgGuid) {
        domains.unshare(permissions(), guid, orgGuid);
        return noContent();
    }

    @GET
    @Path("/{guid}/route_reservations")
    public Response routeReservations(@PathParam("guid") String guid) {
        var reservation = DomainMessages.reservation(DomainMessages.query(uri));
        var doc = JsonSupport.object();
        doc.put("matching_route", domains.routeReserved(permissions(), guid, reservation));
        return ok(doc);
    }
}
