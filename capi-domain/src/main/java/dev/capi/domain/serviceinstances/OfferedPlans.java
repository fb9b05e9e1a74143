package dev.capi.domain.serviceinstances;

import dev.capi.domain.osbapi.BrokerEndpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what service instances need to know of the catalog, read with joins over plans, offerings, brokers and
 * visibilities: one plan with its offering and broker ({@link OfferedPlan}).
 */
public interface OfferedPlans {
    Optional<OfferedPlan> find(String planGuid);

    /** Several plans by guid (those that exist); adapters read them in a constant number of statements. */
    default java.util.Map<String, OfferedPlan> findAll(java.util.Collection<String> planGuids) {
        java.util.Map<String, OfferedPlan> out = new java.util.LinkedHashMap<>();
        for (String guid : planGuids) {
            find(guid).ifPresent(p -> out.put(p.guid(), p));
        }
        return out;
    }

    /**
     * A plan with its offering and broker. {@code visibleInOrganizations} lists the organizations a plan
     * visibility row names; {@code brokerSpaceGuid} is set for a space-scoped broker.
     */
    record OfferedPlan(String guid, String name, String catalogId, boolean free, boolean active, boolean isPublic,
                       boolean planUpdateable, Integer maximumPollingDuration, Map<String, Object> maintenanceInfo,
                       String offeringGuid, String offeringName, String offeringCatalogId,
                       boolean offeringPlanUpdateable, boolean shareable, boolean instancesRetrievable,
                       boolean allowContextUpdates, String brokerGuid, String brokerName, String brokerSpaceGuid,
                       String brokerState, BrokerEndpoint endpoint, List<String> visibleInOrganizations) {
        public OfferedPlan {
            maintenanceInfo = maintenanceInfo == null ? Map.of() : maintenanceInfo;
            visibleInOrganizations = List.copyOf(visibleInOrganizations);
        }

        /** Whether an instance in this space (of this organization) may use the plan. */
        public boolean availableIn(String spaceGuid, String organizationGuid) {
            if (brokerSpaceGuid != null) {
                return brokerSpaceGuid.equals(spaceGuid);
            }
            return isPublic || visibleInOrganizations.contains(organizationGuid);
        }

        /** The plan's {@code maintenance_info.version}, or null. */
        public Object maintenanceVersion() {
            return maintenanceInfo.get("version");
        }

        public boolean updateable() {
            return planUpdateable || offeringPlanUpdateable;
        }
    }
}
