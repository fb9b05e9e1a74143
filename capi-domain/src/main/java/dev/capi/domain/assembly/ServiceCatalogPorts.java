package dev.capi.domain.assembly;

import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.servicebrokers.ServiceBrokerRepository;
import dev.capi.domain.serviceofferings.ServiceOfferingRepository;
import dev.capi.domain.serviceplandefinitions.ServicePlanDefinitionRepository;
import dev.capi.domain.serviceplans.ServicePlanRepository;

/**
 * What the service catalog needs: its repositories (brokers, offerings, plans and the plans' OSMAPI definitions) and
 * the OSBAPI client that fetches brokers' catalogs and sends plan definitions.
 */
public record ServiceCatalogPorts(ServiceBrokerRepository brokers, ServiceOfferingRepository offerings,
                                  ServicePlanRepository plans, ServicePlanDefinitionRepository planDefinitions,
                                  ServiceBrokerClient brokerClient) {
}
