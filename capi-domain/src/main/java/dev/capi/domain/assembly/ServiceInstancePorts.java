package dev.capi.domain.assembly;

import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.serviceinstances.OfferedPlans;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.serviceinstances.ServiceInstanceRepository;

/** What service instances need: their rows, a view of the catalog's plans, the brokers and how to poll them. */
public record ServiceInstancePorts(ServiceInstanceRepository instances, OfferedPlans plans,
                                   ServiceBrokerClient brokers, BrokerSettings polling) {
}
