package dev.capi.rest.v3.servicebindings;

import dev.capi.domain.servicebindings.CredentialBindingCreate;
import dev.capi.domain.servicebindings.CredentialBindings;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v3/service_credential_bindings}: list, create (201 for a user-provided instance's app binding, 202 with a job
 * for managed instances), get, update (metadata), delete (204 or 202 with a job), details and parameters.
 */
@Path("/v3/service_credential_bindings")
public final class ServiceCredentialBindingsResource extends V3Resource {
    private final CredentialBindings bindings;
    private final CredentialBindingCreate create;

    @Inject
    public ServiceCredentialBindingsResource(CredentialBindings bindings, CredentialBindingCreate create) {
        this.bindings = bindings;
        this.create = create;
    }

    @GET
    public Response list() {
        var params = ServiceBindingMessages.credentialList(uri);
        var page = bindings.list(permissions(), params.query());
        var resources = page.resources().stream()
                .map(b -> ServiceCredentialBindingPresenter.present(b, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/service_credential_bindings", links));
    }

    @POST
    public Response create(String body) {
        var created = create.create(permissions(), ServiceBindingMessages.createCredential(body));
        if (created.job() != null) {
            return accepted(created.job());
        }
        return created(ServiceCredentialBindingPresenter.present(created.binding(), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(ServiceCredentialBindingPresenter.present(bindings.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var metadata = ServiceBindingMessages.update(body);
        return ok(ServiceCredentialBindingPresenter.present(bindings.update(permissions(), guid, metadata,
                ServiceBindingMessages.updateAudit(body)), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return bindings.delete(permissions(), guid).map(this::accepted).orElseGet(V3Resource::noContent);
    }

    @GET
    @Path("/{guid}/details")
    public Response details(@PathParam("guid") String guid) {
        return ok(ServiceCredentialBindingPresenter.details(bindings.details(permissions(), guid)));
    }

    @GET
    @Path("/{guid}/parameters")
    public Response parameters(@PathParam("guid") String guid) {
        return ok(JsonSupport.MAPPER.valueToTree(bindings.parameters(permissions(), guid)));
    }
}
