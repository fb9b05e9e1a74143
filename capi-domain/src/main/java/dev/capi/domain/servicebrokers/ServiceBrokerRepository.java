package dev.capi.domain.servicebrokers;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServiceBroker;
import dev.capi.model.ServiceBrokerState;

import java.util.Optional;

/**
 * Port: service brokers (metadata loaded with them) and their pending updates. List filters:
 * {@link ServiceBrokerFilter}; visibility through the broker's space (global brokers only for "everything").
 */
public interface ServiceBrokerRepository {
    Optional<ServiceBroker> find(String guid);

    Page<ServiceBroker> list(ListQuery query);

    boolean nameTaken(String name, String exceptGuid);

    void insert(ServiceBroker broker);

    /** Name, URL, credentials, state and updated_at. */
    void update(ServiceBroker broker);

    void updateState(String guid, ServiceBrokerState state, java.time.Instant at);

    /** Sets the state only when the broker is in {@code expected} (a failed job's recovery). */
    void updateStateIf(String guid, ServiceBrokerState expected, ServiceBrokerState state, java.time.Instant at);

    /** Deletes the broker with its offerings, plans, plan visibilities, metadata and pending update. */
    void delete(String guid);

    /** Whether any service instance uses a plan of this broker. */
    boolean hasInstances(String guid);

    void saveUpdateRequest(BrokerUpdateRequest request);

    Optional<BrokerUpdateRequest> findUpdateRequest(String brokerGuid);

    void deleteUpdateRequest(String brokerGuid);

    /** Removes the space-scoped brokers of these spaces with their catalogs (space and organization deletion). */
    void deleteInSpace(String spaceGuid);
}
