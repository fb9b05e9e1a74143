package dev.capi.domain.assembly;

import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.servicebindings.AppBoundServices;
import dev.capi.domain.servicebindings.BindableInstances;
import dev.capi.domain.servicebindings.CredentialBindingRepository;
import dev.capi.domain.servicebindings.RouteBindingRepository;
import dev.capi.domain.servicebindings.SyslogDrains;

import dev.capi.domain.osbapi.BrokerSettings;

/**
 * The ports of service bindings: their repositories, the instances they bind (read through their own view), an app's
 * bound services ({@code VCAP_SERVICES}), the syslog drain list, the broker client and its settings (poll
 * interval, default maximum polling duration) and whether route services are enabled.
 */
public record ServiceBindingPorts(CredentialBindingRepository credentialBindings,
                                  RouteBindingRepository routeBindings, BindableInstances instances,
                                  AppBoundServices boundServices, SyslogDrains syslogDrains,
                                  ServiceBrokerClient brokers, BrokerSettings brokerSettings,
                                  boolean routeServicesEnabled) {
}
