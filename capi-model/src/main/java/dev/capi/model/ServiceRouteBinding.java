package dev.capi.model;

import java.time.Instant;

/**
 * A service route binding: a route bound to a (route service) instance; {@code spaceGuid} is the route's space and
 * {@code managedInstance} whether the instance is managed (both read, never stored). {@code routeServiceUrl} comes from the broker or the user-provided instance.
 */
public record ServiceRouteBinding(String guid, Instant createdAt, Instant updatedAt, String serviceInstanceGuid,
                                  String routeGuid, String spaceGuid, boolean managedInstance,
                                  String routeServiceUrl,
                                  BindingOperation lastOperation, String brokerOperation, Metadata metadata) {
    public ServiceRouteBinding {
        metadata = metadata == null ? Metadata.empty() : metadata;
    }

    public ServiceRouteBinding withMetadata(Metadata m) {
        return new ServiceRouteBinding(guid, createdAt, updatedAt, serviceInstanceGuid, routeGuid, spaceGuid, managedInstance,
                routeServiceUrl, lastOperation, brokerOperation, m);
    }

    public ServiceRouteBinding withOperation(BindingOperation op, String broker) {
        return new ServiceRouteBinding(guid, createdAt, op.updatedAt(), serviceInstanceGuid, routeGuid, spaceGuid, managedInstance,
                routeServiceUrl, op, broker, metadata);
    }

    public ServiceRouteBinding withResult(String url, BindingOperation op) {
        return new ServiceRouteBinding(guid, createdAt, op.updatedAt(), serviceInstanceGuid, routeGuid, spaceGuid, managedInstance,
                url, op, brokerOperation, metadata);
    }
}
