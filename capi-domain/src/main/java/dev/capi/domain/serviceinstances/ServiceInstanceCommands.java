package dev.capi.domain.serviceinstances;

import dev.capi.model.MetadataUpdate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands the service instance use cases accept (validated by the REST messages). {@code request} is the body
 * as the client sent it, for the audit event.
 */
public final class ServiceInstanceCommands {
    private ServiceInstanceCommands() {
    }

    public record CreateUserProvided(String name, String spaceGuid, List<String> tags,
                                     Map<String, Object> credentials, String syslogDrainUrl, String routeServiceUrl,
                                     MetadataUpdate metadata, Map<String, Object> request) {
    }

    public record CreateManaged(String name, String spaceGuid, String planGuid, List<String> tags,
                                Map<String, Object> parameters, MetadataUpdate metadata,
                                Map<String, Object> request) {
    }

    /**
     * An update: {@code given} names the body's keys (a key given as null clears a user-provided URL); the other
     * fields are null when not given.
     */
    public record Update(Set<String> given, String name, List<String> tags, Map<String, Object> credentials,
                         String syslogDrainUrl, String routeServiceUrl, String planGuid,
                         Map<String, Object> parameters, Map<String, Object> maintenanceInfo,
                         MetadataUpdate metadata, Map<String, Object> request) {
        public Update {
            given = Set.copyOf(given);
        }

        public boolean has(String key) {
            return given.contains(key);
        }
    }
}
