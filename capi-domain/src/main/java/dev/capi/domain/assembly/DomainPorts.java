package dev.capi.domain.assembly;

import dev.capi.domain.routes.RoutingPorts;

/** Every port of the domain, by area: what an embedding platform (or the server's adapters) provides. */
public record DomainPorts(CorePorts core, OrgsAndSpacesPorts orgsAndSpaces, PlatformPorts platform,
                          RoutingPorts routing, AppPorts apps, LifecyclePorts lifecycle,
                          ServiceCatalogPorts serviceCatalog, ServiceInstancePorts serviceInstances,
                          ServiceBindingPorts serviceBindings) {
}
