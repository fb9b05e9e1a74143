package dev.capi.rest.v3.isolationsegments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.rest.v3.support.RelationshipDocuments;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import dev.capi.domain.isolationsegments.IsolationSegmentAssignments;
import jakarta.inject.Inject;

/** {@code /v3/organizations/:guid/relationships/default_isolation_segment}: get and set (the body is read first). */
@Path("/v3/organizations/{guid}/relationships/default_isolation_segment")
public final class OrganizationDefaultIsolationSegmentResource extends V3Resource {
    private final IsolationSegmentAssignments isolationSegmentAssignments;

    @Inject
    public OrganizationDefaultIsolationSegmentResource(IsolationSegmentAssignments isolationSegmentAssignments) {
        this.isolationSegmentAssignments = isolationSegmentAssignments;
    }

    @GET
    public Response get(@PathParam("guid") String guid) {
        return ok(document(guid, isolationSegmentAssignments.organizationDefault(permissions(), guid)));
    }

    @PATCH
    public Response update(@PathParam("guid") String guid, String body) {
        var command = IsolationSegmentMessages.assign(body);
        return ok(document(guid,
                isolationSegmentAssignments.assignOrganizationDefault(permissions(), guid, command)));
    }

    private ObjectNode document(String guid, Optional<String> segment) {
        return RelationshipDocuments.toOne(links, "organizations/" + guid, "default_isolation_segment",
                "isolation_segments", segment.orElse(null));
    }
}
