package dev.capi.rest.v3.deployments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.model.Deployment;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import dev.capi.domain.deployments.Deployments;
import jakarta.inject.Inject;

/** {@code /v3/deployments}: create, list, get, update, cancel and continue. */
@Path("/v3/deployments")
public final class DeploymentsResource extends V3Resource {
    private final Deployments deployments;

    @Inject
    public DeploymentsResource(Deployments deployments) {
        this.deployments = deployments;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, DeploymentMessages.LIST);
        var page = deployments.list(permissions(), params.query());
        return ok(Pagination.document(page, page.resources().stream().map(this::present).toList(), params,
                "/v3/deployments", links));
    }

    @POST
    public Response create(String raw) {
        var command = DeploymentMessages.create(raw);
        return created(present(deployments.create(permissions(), command)));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(present(deployments.get(permissions(), guid)));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        var metadata = DeploymentMessages.update(raw);
        return ok(present(deployments.update(permissions(), guid, metadata)));
    }

    @POST
    @Path("/{guid}/actions/cancel")
    public Response cancel(@PathParam("guid") String guid) {
        deployments.cancel(permissions(), guid);
        return Response.ok().build();
    }

    @POST
    @Path("/{guid}/actions/continue")
    public Response proceed(@PathParam("guid") String guid) {
        deployments.proceed(permissions(), guid);
        return Response.ok().build();
    }

    ObjectNode present(Deployment d) {
        return DeploymentPresenter.present(d, links);
    }
}
