package dev.capi.domain.serviceofferings;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.query.Visibility;
import dev.capi.model.ServiceOffering;

import java.util.List;
import java.util.Optional;

/**
 * Port: service offerings with their broker's name and space (metadata loaded with them). List filters:
 * {@link ServiceOfferingFilter}; visibility is the marketplace's ({@link dev.capi.domain.serviceplans.Marketplace}):
 * an offering is visible when one of its plans is.
 */
public interface ServiceOfferingRepository {
    Optional<ServiceOffering> find(String guid);

    Page<ServiceOffering> list(ListQuery query);

    /** Whether the marketplace visibility lets one of the offering's plans be seen. */
    boolean visible(String guid, Visibility visibility);

    List<ServiceOffering> forBroker(String brokerGuid);

    void insert(ServiceOffering offering);

    /** The catalog fields and updated_at. */
    void update(ServiceOffering offering);

    boolean hasPlans(String guid);

    /** Deletes the offering and its metadata (its plans must be gone). */
    void delete(String guid);

    /**
     * Purge: deletes the offering, its plans and their visibilities, and the service instances of its plans with
     * their shares and bindings, without asking the broker.
     */
    void purge(String guid);
}
