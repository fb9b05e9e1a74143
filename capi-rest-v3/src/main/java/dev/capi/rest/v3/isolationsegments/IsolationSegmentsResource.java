package dev.capi.rest.v3.isolationsegments;

import dev.capi.rest.v3.organizations.OrganizationPresenter;
import dev.capi.rest.v3.organizations.OrganizationsResource;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.RelationshipDocuments;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import dev.capi.domain.isolationsegments.IsolationSegments;
import dev.capi.domain.isolationsegments.IsolationSegmentEntitlements;
import jakarta.inject.Inject;

/**
 * {@code /v3/isolation_segments}: list, create, get, update, delete, and the entitled organizations and placed
 * spaces. Writes check admin first, then the segment, then the body, as the reference does.
 */
@Path("/v3/isolation_segments")
public final class IsolationSegmentsResource extends V3Resource {
    private final IsolationSegments isolationSegments;
    private final IsolationSegmentEntitlements isolationSegmentEntitlements;

    @Inject
    public IsolationSegmentsResource(IsolationSegments isolationSegments, IsolationSegmentEntitlements isolationSegmentEntitlements) {
        this.isolationSegments = isolationSegments;
        this.isolationSegmentEntitlements = isolationSegmentEntitlements;
    }

    static final ListSpec LIST = ListSpec.of("names", "organization_guids").orderBy("name").labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = isolationSegments.list(permissions(), params.query());
        var resources = page.resources().stream().map(s -> IsolationSegmentPresenter.present(s, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/isolation_segments", links));
    }

    @POST
    public Response create(String body) {
        isolationSegments.requireAdmin(permissions());
        var command = IsolationSegmentMessages.create(body);
        return created(IsolationSegmentPresenter.present(
                isolationSegments.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(IsolationSegmentPresenter.present(isolationSegments.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var segments = isolationSegments;
        segments.requireAdmin(permissions());
        segments.existing(guid);
        var command = IsolationSegmentMessages.update(body);
        return ok(IsolationSegmentPresenter.present(segments.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        isolationSegments.delete(permissions(), guid);
        return noContent();
    }

    @GET
    @Path("/{guid}/relationships/organizations")
    public Response organizations(@PathParam("guid") String guid) {
        return ok(organizationsDocument(guid,
                isolationSegmentEntitlements.organizations(permissions(), guid)));
    }

    /** The entitled organizations as organization resources, filtered and paginated as organizations are. */
    @GET
    @Path("/{guid}/organizations")
    public Response organizationResources(@PathParam("guid") String guid) {
        var params = ListParams.parse(uri, OrganizationsResource.LIST);
        var page = isolationSegmentEntitlements.organizationPage(permissions(), guid, params.query());
        var resources = page.resources().stream().map(o -> OrganizationPresenter.present(o, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/isolation_segments/" + guid + "/organizations",
                links));
    }

    @POST
    @Path("/{guid}/relationships/organizations")
    public Response entitle(@PathParam("guid") String guid, String body) {
        isolationSegments.requireAdmin(permissions());
        isolationSegments.existing(guid);
        List<String> organizations = IsolationSegmentMessages.organizations(body);
        return ok(organizationsDocument(guid,
                isolationSegmentEntitlements.entitle(permissions(), guid, organizations)));
    }

    @DELETE
    @Path("/{guid}/relationships/organizations/{org_guid}")
    public Response revoke(@PathParam("guid") String guid, @PathParam("org_guid") String orgGuid) {
        isolationSegmentEntitlements.revoke(permissions(), guid, orgGuid);
        return noContent();
    }

    @GET
    @Path("/{guid}/relationships/spaces")
    public Response spaces(@PathParam("guid") String guid) {
        return ok(RelationshipDocuments.toMany(links, "isolation_segments/" + guid, "spaces",
                isolationSegmentEntitlements.spaces(permissions(), guid), false));
    }

    private ObjectNode organizationsDocument(String guid, List<String> orgs) {
        return RelationshipDocuments.toMany(links, "isolation_segments/" + guid, "organizations", orgs, true);
    }
}
