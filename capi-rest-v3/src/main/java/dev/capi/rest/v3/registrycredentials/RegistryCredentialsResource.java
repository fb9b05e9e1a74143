package dev.capi.rest.v3.registrycredentials;

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
import dev.capi.domain.registrycredentials.RegistryCredentials;
import jakarta.inject.Inject;

/** {@code /v3/registry_credentials}: list, create, get, update, delete (204). */
@Path("/v3/registry_credentials")
public final class RegistryCredentialsResource extends V3Resource {
    private final RegistryCredentials registryCredentials;

    @Inject
    public RegistryCredentialsResource(RegistryCredentials registryCredentials) {
        this.registryCredentials = registryCredentials;
    }

    static final ListSpec LIST = ListSpec.of("space_guids", "organization_guids", "scopes", "locations")
            .labelSelector();

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = registryCredentials.list(permissions(), params.query());
        var resources = page.resources().stream().map(c -> RegistryCredentialPresenter.present(c, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/registry_credentials", links));
    }

    @POST
    public Response create(String body) {
        var command = RegistryCredentialMessages.create(body);
        return created(RegistryCredentialPresenter.present(
                registryCredentials.create(permissions(), command), links));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(RegistryCredentialPresenter.present(registryCredentials.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = RegistryCredentialMessages.update(body);
        return ok(RegistryCredentialPresenter.present(
                registryCredentials.update(permissions(), guid, command), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        registryCredentials.delete(permissions(), guid);
        return noContent();
    }
}
