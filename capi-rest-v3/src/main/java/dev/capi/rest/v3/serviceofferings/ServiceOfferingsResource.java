package dev.capi.rest.v3.serviceofferings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.serviceofferings.ServiceOfferingFilter;
import dev.capi.domain.serviceofferings.ServiceOfferings;
import dev.capi.model.ServiceOffering;
import dev.capi.rest.v3.support.Body;
import dev.capi.rest.v3.support.ListParams;
import dev.capi.rest.v3.support.ListSpec;
import dev.capi.rest.v3.support.Pagination;
import dev.capi.rest.v3.support.Public;
import dev.capi.rest.v3.support.V3Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code /v3/service_offerings}: list and get (the marketplace: also unauthenticated unless
 * {@code hide_marketplace_from_unauthenticated_users}), metadata update, delete ({@code ?purge=true}).
 */
@Path("/v3/service_offerings")
public final class ServiceOfferingsResource extends V3Resource {
    static final String BROKER_FIELDS = "service_broker";
    static final ListSpec LIST = ListSpec.of(ServiceOfferingFilter.LIST).orderBy("name").labelSelector()
            .extraKeys(CatalogFields.key(BROKER_FIELDS));

    private final ServiceOfferings offerings;

    @Inject
    public ServiceOfferingsResource(ServiceOfferings offerings) {
        this.offerings = offerings;
    }

    /** The caller's permissions, or null for an unauthenticated marketplace request. */
    private Permissions caller() {
        return principal() == null ? null : permissions();
    }

    @GET
    @Public
    public Response list() {
        var params = ListParams.parse(uri, LIST);
        var fields = CatalogFields.parse(uri, BROKER_FIELDS);
        var page = offerings.list(caller(), params.query());
        var resources = page.resources().stream().map(o -> ServiceOfferingPresenter.present(o, links)).toList();
        ObjectNode doc = Pagination.document(page, resources, params, "/v3/service_offerings", links);
        if (!fields.isEmpty()) {
            doc.set("included", included(page.resources(), fields));
        }
        return ok(doc);
    }

    @GET
    @Public
    @Path("/{guid}")
    public Response get(@PathParam("guid") String guid) {
        var fields = CatalogFields.parse(uri, BROKER_FIELDS);
        ServiceOffering offering = offerings.get(caller(), guid);
        ObjectNode node = ServiceOfferingPresenter.present(offering, links);
        if (!fields.isEmpty()) {
            node.set("included", included(List.of(offering), fields));
        }
        return ok(node);
    }

    private static ObjectNode included(List<ServiceOffering> list, Set<String> fields) {
        var brokers = new LinkedHashMap<String, String>();
        list.forEach(o -> brokers.put(o.brokerGuid(), o.brokerName()));
        return CatalogFields.brokers(brokers, fields);
    }

    @PATCH
    @Path("/{guid}")
    public Response update(@PathParam("guid") String guid, String raw) {
        Body body = Body.parse(raw, "metadata");
        var metadata = body.metadata();
        body.validate();
        return ok(ServiceOfferingPresenter.present(offerings.update(permissions(), guid, metadata), links));
    }

    @DELETE
    @Path("/{guid}")
    public Response delete(@PathParam("guid") String guid) {
        offerings.delete(permissions(), guid, purge());
        return noContent();
    }

    private boolean purge() {
        var unknown = uri.getQueryParameters().keySet().stream().filter(k -> !k.equals("purge")).sorted().toList();
        if (!unknown.isEmpty()) {
            throw CfException.badQuery("Unknown query parameter(s): '" + String.join("', '", unknown)
                    + "'. Valid parameters are: 'purge'");
        }
        String value = uri.getQueryParameters().getFirst("purge");
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw CfException.badQuery("Purge only accepts values 'true' or 'false'");
        }
        return value.equals("true");
    }
}
