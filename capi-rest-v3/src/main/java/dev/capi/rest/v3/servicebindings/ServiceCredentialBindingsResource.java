package dev.capi.rest.v3.servicebindings;

import dev.capi.domain.servicebindings.CredentialBindingCreate;
import dev.capi.domain.servicebindings.CredentialBindings;
import dev.capi.domain.serviceinstances.ServiceInstances;
import dev.capi.rest.v3.support.ListParams;
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
 * for managed instances), get, update (metadata), delete (204 or 202 with a job), details and parameters; lists and
 * gets take {@code include=app,service_instance}.
 */
@Path("/v3/service_credential_bindings")
public final class ServiceCredentialBindingsResource extends V3Resource {
    private final CredentialBindings bindings;
    private final CredentialBindingCreate create;
    private final ServiceInstances instances;

    @Inject
    public ServiceCredentialBindingsResource(CredentialBindings bindings, CredentialBindingCreate create,
                                             ServiceInstances instances) {
        this.bindings = bindings;
        this.create = create;
        this.instances = instances;
    }

    @GET
    public Response list() {
        var params = ServiceBindingMessages.credentialList(uri);
        var page = bindings.list(permissions(), params.query());
        var resources = page.resources().stream()
                .map(b -> ServiceCredentialBindingPresenter.present(b, links)).toList();
        var doc = Pagination.document(page, resources, params, "/v3/service_credential_bindings", links);
        if (!params.includes().isEmpty()) {
            doc.set("included", BindingIncludes.credential(page.resources(), params.includes(), bindings, instances,
                    links));
        }
        return ok(doc);
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
        var includes = ListParams.singleInclude(uri, BindingIncludes.CREDENTIAL);
        var binding = bindings.get(permissions(), guid);
        var node = ServiceCredentialBindingPresenter.present(binding, links);
        if (!includes.isEmpty()) {
            node.set("included", BindingIncludes.credential(java.util.List.of(binding), includes, bindings, instances,
                    links));
        }
        return ok(node);
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
