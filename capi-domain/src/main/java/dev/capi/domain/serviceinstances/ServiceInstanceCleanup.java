package dev.capi.domain.serviceinstances;

import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.ServiceInstance;
import dev.capi.model.ServiceUsageEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A deleted space's service instances. First its managed instances are deleted through their brokers as the
 * reference's space delete does (bindings unbound, then deprovisioned; {@link BrokerOperations#removeWithSpace}); an
 * instance not gone yet keeps the space. Then what is left (user-provided instances, their bindings and shares, with a
 * DELETED usage event each) and the shares of other spaces' instances into the space are removed.
 */
public final class ServiceInstanceCleanup implements OrganizationCleanup {
    private final ServiceInstanceRepository instances;
    private final SpaceRepository spaces;
    private final ServiceInstanceEvents events;
    private final BrokerOperations operations;

    public ServiceInstanceCleanup(ServiceInstanceRepository instances, SpaceRepository spaces,
                                  ServiceInstanceEvents events, BrokerOperations operations) {
        this.instances = instances;
        this.spaces = spaces;
        this.events = events;
        this.operations = operations;
    }

    @Override
    public List<String> releaseSpaceContents(String spaceGuid) {
        List<String> failures = new ArrayList<>();
        for (String guid : instances.inSpace(spaceGuid)) {
            instances.find(guid).filter(ServiceInstance::managed)
                    .flatMap(si -> operations.removeWithSpace(si, null, null))
                    .ifPresent(failures::add);
        }
        return failures;
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        instances.unshareFromSpace(spaceGuid);
        var space = spaces.find(spaceGuid);
        for (String guid : instances.inSpace(spaceGuid)) {
            var instance = instances.find(guid);
            instances.deleteBindings(guid);
            instances.delete(guid);
            if (instance.isPresent() && space.isPresent()) {
                events.usage(ServiceUsageEvent.DELETED, instance.get(), space.get());
            }
        }
    }
}
