package dev.capi.rest.v3.events;

import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.events.AuditEventQueries;
import jakarta.inject.Inject;

/** {@code /v3/audit_events}: list and get, limited to the events the caller may see. */
@Path("/v3/audit_events")
public final class AuditEventsResource extends V3Resource {
    private final AuditEventQueries auditEventQueries;

    @Inject
    public AuditEventsResource(AuditEventQueries auditEventQueries) {
        this.auditEventQueries = auditEventQueries;
    }

    static final ListSpec LIST = ListSpec.of("types", "target_guids", "space_guids", "organization_guids")
            .negatable("target_guids");

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = auditEventQueries.list(permissions(), params.query());
        var resources = page.resources().stream().map(e -> AuditEventPresenter.present(e, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/audit_events", links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(AuditEventPresenter.present(auditEventQueries.get(permissions(), guid), links));
    }
}
