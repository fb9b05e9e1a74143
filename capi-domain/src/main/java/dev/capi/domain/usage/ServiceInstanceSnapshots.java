package dev.capi.domain.usage;

import dev.capi.model.ServiceUsageEvent;

import java.util.List;

/**
 * Port: one CREATED event (without guid and time) for every existing service instance, as the purge-and-reseed writes
 * them. Answered by the service instances resource; {@link #none()} while the assembly has none.
 */
public interface ServiceInstanceSnapshots {
    List<ServiceUsageEvent> created();

    static ServiceInstanceSnapshots none() {
        return List::of;
    }
}
