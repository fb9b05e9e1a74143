package dev.capi.model;

import java.time.Instant;

/**
 * A registered service broker: its URL, the basic-auth credentials the platform sends it (never presented, never
 * logged: {@link #toString()} leaves the password out), the space it is scoped to (null: global) and its state.
 */
public record ServiceBroker(String guid, Instant createdAt, Instant updatedAt, String name, String url,
                            String username, String password, String spaceGuid, ServiceBrokerState state,
                            Metadata metadata) {
    public ServiceBroker withMetadata(Metadata m) {
        return new ServiceBroker(guid, createdAt, updatedAt, name, url, username, password, spaceGuid, state, m);
    }

    public ServiceBroker withState(ServiceBrokerState s, Instant at) {
        return new ServiceBroker(guid, createdAt, at, name, url, username, password, spaceGuid, s, metadata);
    }

    public boolean spaceScoped() {
        return spaceGuid != null;
    }

    @Override
    public String toString() {
        return "ServiceBroker[guid=" + guid + ", name=" + name + ", url=" + url + ", spaceGuid=" + spaceGuid
                + ", state=" + state + "]";
    }
}
