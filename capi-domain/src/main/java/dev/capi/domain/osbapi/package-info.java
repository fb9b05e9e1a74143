/**
 * The Open Service Broker API as a port: {@link dev.capi.domain.osbapi.ServiceBrokerClient} speaks HTTP to a broker
 * and returns {@link dev.capi.domain.osbapi.BrokerReply} data; the service areas decide what each reply means.
 */
package dev.capi.domain.osbapi;
