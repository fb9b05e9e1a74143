package dev.capi.domain.servicebindings;

import dev.capi.domain.osbapi.BrokerEndpoint;

import java.util.List;
import java.util.Map;

/**
 * A service instance as bindings see it: where it lives and is shared to, its last operation, what a user-provided
 * instance hands its bindings (credentials, syslog drain URL, route service URL), and for a managed instance its plan.
 */
public record BindableInstance(String guid, String name, String spaceGuid, boolean userProvided,
                               Map<String, Object> credentials, String syslogDrainUrl, String routeServiceUrl,
                               List<String> tags, String lastOperationType, String lastOperationState,
                               List<String> sharedSpaceGuids, ManagedPlan plan) {
    public BindableInstance {
        credentials = credentials == null ? Map.of() : credentials;
        tags = tags == null ? List.of() : List.copyOf(tags);
        sharedSpaceGuids = sharedSpaceGuids == null ? List.of() : List.copyOf(sharedSpaceGuids);
    }

    /**
     * A managed instance's plan, offering and broker: catalog ids for broker requests, whether it may be bound,
     * whether the broker lets bindings be fetched, what the offering requires ({@code route_forwarding},
     * {@code syslog_drain}, {@code volume_mount}) and the plan's maximum polling duration in seconds (null: none).
     */
    public record ManagedPlan(String planGuid, String planCatalogId, String planName, String offeringGuid,
                              String offeringCatalogId, String offeringName, boolean bindable,
                              boolean bindingsRetrievable, List<String> requires, Integer maximumPollingDuration,
                              BrokerEndpoint broker) {
        public ManagedPlan {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    /** The space it lives in and every space it is shared to. */
    public List<String> allSpaceGuids() {
        var all = new java.util.ArrayList<String>(sharedSpaceGuids);
        all.add(0, spaceGuid);
        return all;
    }

    /** Whether routes may be bound to it: a route service URL (user-provided) or {@code route_forwarding} (managed). */
    public boolean routeService() {
        return userProvided ? routeServiceUrl != null && !routeServiceUrl.isEmpty()
                : plan.requires().contains("route_forwarding");
    }

    public boolean bindable() {
        return userProvided || plan.bindable();
    }

    public boolean createFailed() {
        return "create".equals(lastOperationType) && "failed".equals(lastOperationState);
    }

    public boolean operationInProgress() {
        return "in progress".equals(lastOperationState) || "initial".equals(lastOperationState);
    }
}
