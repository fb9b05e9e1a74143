package dev.capi.rest.v3.securitygroups;

import dev.capi.domain.securitygroups.Lifecycle;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.securitygroups.SecurityGroups;
import jakarta.inject.Inject;

/**
 * {@code GET /v3/spaces/:guid/running_security_groups} and {@code .../staging_security_groups}: the groups that
 * apply to the space's apps (bound to it or globally enabled); bad parameters are 422, checked before the space.
 */
@Path("/v3/spaces/{guid}/{kind: running_security_groups|staging_security_groups}")
public final class SpaceSecurityGroupsResource extends V3Resource {
    private final SecurityGroups securityGroups;

    @Inject
    public SpaceSecurityGroupsResource(SecurityGroups securityGroups) {
        this.securityGroups = securityGroups;
    }

    static final ListSpec LIST = ListSpec.of("names").unprocessableOnError();

    @GET
    public Response list(@PathParam("guid") String spaceGuid, @PathParam("kind") String kind) {
        var params = ListParams.parse(uri, LIST);
        Lifecycle lifecycle = kind.startsWith("running") ? Lifecycle.RUNNING : Lifecycle.STAGING;
        var page = securityGroups.forSpace(permissions(), spaceGuid, lifecycle, params.query());
        var resources = page.resources().stream().map(g -> SecurityGroupPresenter.present(g, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/spaces/" + spaceGuid + "/" + kind, links));
    }
}
