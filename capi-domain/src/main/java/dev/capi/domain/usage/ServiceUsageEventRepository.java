package dev.capi.domain.usage;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.ServiceUsageEvent;

import java.util.Optional;

/**
 * Port: the service usage events table. List filters: after_guid (events written after that one),
 * service_instance_types, service_offering_guids; order: created_at.
 */
public interface ServiceUsageEventRepository {
    void insert(ServiceUsageEvent event);

    Page<ServiceUsageEvent> list(ListQuery query);

    Optional<ServiceUsageEvent> find(String guid);

    void deleteAll();
}
