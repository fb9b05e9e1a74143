package dev.capi.domain.serviceinstances;

import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.ServiceUsageEvent;

/**
 * A deleted space takes its service instances (their bindings and shares, with a DELETED usage event each) and the
 * shares of other spaces' instances into it. Brokers are not called: a space's managed instances are removed as a
 * purge removes them.
 */
public final class ServiceInstanceCleanup implements OrganizationCleanup {
    private final ServiceInstanceRepository instances;
    private final SpaceRepository spaces;
    private final ServiceInstanceEvents events;

    public ServiceInstanceCleanup(ServiceInstanceRepository instances, SpaceRepository spaces,
                                  ServiceInstanceEvents events) {
        this.instances = instances;
        this.spaces = spaces;
        this.events = events;
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
