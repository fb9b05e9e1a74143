package dev.capi.rest.v3.servicebrokers;

import dev.capi.domain.servicebrokers.ServiceBrokerFilter;
import dev.capi.domain.servicebrokers.ServiceBrokers;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
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
 * {@code /v3/service_brokers}: list, get, register (202 + job), update (202 + job when the broker is asked again, 200
 * for metadata only) and delete (202 + job).
 */
@Path("/v3/service_brokers")
public final class ServiceBrokersResource extends V3Resource {
    static final ListSpec LIST = ListSpec.of(ServiceBrokerFilter.LIST).orderBy("name").labelSelector();

    private final ServiceBrokers brokers;

    @Inject
    public ServiceBrokersResource(ServiceBrokers brokers) {
        this.brokers = brokers;
    }

    @GET
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var page = brokers.list(permissions(), params.query());
        var resources = page.resources().stream().map(b -> ServiceBrokerPresenter.present(b, links)).toList();
        return ok(Pagination.document(page, resources, params, "/v3/service_brokers", links));
    }

    @POST
    public Response create(String body) {
        var command = ServiceBrokerMessages.create(body);
        return accepted(brokers.create(permissions(), command));
    }

    @GET
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        return ok(ServiceBrokerPresenter.present(brokers.get(permissions(), guid), links));
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String body) {
        var command = ServiceBrokerMessages.update(body);
        var outcome = brokers.update(permissions(), guid, command);
        return outcome.job() != null ? accepted(outcome.job())
                : ok(ServiceBrokerPresenter.present(outcome.broker(), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        return accepted(brokers.delete(permissions(), guid));
    }
}
