package dev.capi.domain.servicebrokers;

/**
 * A broker update waiting for its job (the reference's service_broker_update_requests): the new name, URL and
 * credentials (null: unchanged) and the state the broker returns to if the update fails. The password is never
 * presented or logged.
 */
public record BrokerUpdateRequest(String brokerGuid, String name, String url, String username, String password,
                                  dev.capi.model.ServiceBrokerState previousState) {
    @Override
    public String toString() {
        return "BrokerUpdateRequest[brokerGuid=" + brokerGuid + ", name=" + name + ", url=" + url + "]";
    }
}
