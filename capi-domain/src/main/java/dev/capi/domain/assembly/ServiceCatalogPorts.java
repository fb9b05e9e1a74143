package dev.capi.domain.assembly;

import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.servicebrokers.ServiceBrokerRepository;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplans.ServicePlanRepository;

/** What the service catalog needs: its three repositories and the OSBAPI client that fetches brokers' catalogs. */
public record ServiceCatalogPorts(ServiceBrokerRepository brokers, ServiceOfferingRepository offerings,
                                  ServicePlanRepository plans, ServiceBrokerClient brokerClient) {
}
