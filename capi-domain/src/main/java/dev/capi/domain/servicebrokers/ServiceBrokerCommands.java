package dev.capi.domain.servicebrokers;

import dev.capi.model.MetadataUpdate;

/** The commands the broker use cases accept (validated by the REST messages). */
public final class ServiceBrokerCommands {
    private ServiceBrokerCommands() {
    }

    /** Create: name, URL, basic-auth credentials, optional space (space-scoped broker), metadata. */
    public record Create(String name, String url, String username, String password, String spaceGuid,
                         MetadataUpdate metadata) {
        @Override
        public String toString() {
            return "Create[name=" + name + ", url=" + url + ", spaceGuid=" + spaceGuid + "]";
        }
    }

    /** Update: each field null when not given; credentials come together. */
    public record Update(String name, String url, String username, String password, MetadataUpdate metadata) {
        public boolean needsBroker() {
            return name != null || url != null || username != null;
        }

        @Override
        public String toString() {
            return "Update[name=" + name + ", url=" + url + "]";
        }
    }
}
