package dev.capi.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service instance: {@code managed} (provisioned by a broker on a plan) or {@code user-provided} (credentials,
 * syslog drain and route service URLs given by the user). {@code lastOperation} is what the reference presents as
 * {@code last_operation}; {@code polling} is the broker follow-up of a managed instance (empty otherwise).
 */
public record ServiceInstance(String guid, Instant createdAt, Instant updatedAt, String name, String spaceGuid,
                              String type, String servicePlanGuid, List<String> tags, String dashboardUrl,
                              Map<String, Object> maintenanceInfo, Map<String, Object> credentials,
                              String syslogDrainUrl, String routeServiceUrl, LastOperation lastOperation,
                              Polling polling, Metadata metadata) {
    public static final String MANAGED = "managed";
    public static final String USER_PROVIDED = "user-provided";

    public ServiceInstance {
        tags = tags == null ? List.of() : List.copyOf(tags);
        maintenanceInfo = maintenanceInfo == null ? Map.of() : maintenanceInfo;
        credentials = credentials == null ? Map.of() : credentials;
        polling = polling == null ? Polling.NONE : polling;
        metadata = metadata == null ? Metadata.empty() : metadata;
    }

    public boolean managed() {
        return MANAGED.equals(type);
    }

    public ServiceInstance withMetadata(Metadata m) {
        return new ServiceInstance(guid, createdAt, updatedAt, name, spaceGuid, type, servicePlanGuid, tags,
                dashboardUrl, maintenanceInfo, credentials, syslogDrainUrl, routeServiceUrl, lastOperation, polling, m);
    }

    public ServiceInstance withOperation(LastOperation op, Polling p, Instant at) {
        return new ServiceInstance(guid, createdAt, at, name, spaceGuid, type, servicePlanGuid, tags, dashboardUrl,
                maintenanceInfo, credentials, syslogDrainUrl, routeServiceUrl, op, p, metadata);
    }

    /** {@code type} create|update|delete; {@code state} initial|in progress|succeeded|failed. */
    public record LastOperation(String type, String state, String description, Instant createdAt,
                                Instant updatedAt) {
        public boolean inProgress() {
            return "in progress".equals(state) || "initial".equals(state);
        }

        public boolean is(String t, String s) {
            return t.equals(type) && s.equals(state);
        }
    }

    /**
     * The broker follow-up of a managed instance: the broker's operation id, the job that waits on it, when to ask
     * the broker next and until when, and the request that is still being carried out (parameters, a new plan ...,
     * with the acting user) as JSON.
     */
    public record Polling(String brokerOperation, String jobGuid, Instant nextPollAt, Instant pollDeadline,
                          Map<String, Object> request) {
        public static final Polling NONE = new Polling(null, null, null, null, Map.of());

        public Polling {
            request = request == null ? Map.of() : request;
        }
    }
}
