package dev.capi.model;

import java.time.Instant;

/**
 * A route destination (the reference's route mapping): an app's process type on a port of the app, with an optional
 * weight; {@code appPort} null means "no port specified" (docker apps), {@code protocol} null means the route's
 * default ({@code http1} or {@code tcp}).
 */
public record RouteDestination(String guid, Instant createdAt, Instant updatedAt, String routeGuid, String appGuid,
                               String processType, Integer appPort, Integer weight, String protocol) {
    public RouteDestination withProtocol(String p, Instant at) {
        return new RouteDestination(guid, createdAt, at, routeGuid, appGuid, processType, appPort, weight, p);
    }
}
