package dev.capi.model;

import java.time.Instant;
import java.util.Map;

/**
 * A service plan from a broker's catalog. {@code bindable} and {@code planUpdateable} are the plan's own values or,
 * when the catalog left them out, the offering's; {@code extra} is the catalog's {@code metadata} object,
 * {@code schemas} the {@code service_instance}/{@code service_binding} parameter schemas;
 * {@code publicPlan} is the {@code public} visibility, {@code available} is false once the broker dropped the plan.
 */
public record ServicePlan(String guid, Instant createdAt, Instant updatedAt, String offeringGuid, String offeringName,
                          String brokerGuid, String brokerName, String brokerSpaceGuid, String catalogId,
                          String name, String description, boolean free, boolean bindable, boolean planUpdateable,
                          Integer maximumPollingDuration, Map<String, Object> maintenanceInfo,
                          Map<String, Object> extra, Map<String, Object> schemas, boolean publicPlan,
                          boolean available, boolean hasOrgVisibilities, Metadata metadata) {
    public ServicePlan {
        maintenanceInfo = maintenanceInfo == null ? Map.of() : maintenanceInfo;
        extra = extra == null ? Map.of() : extra;
        schemas = schemas == null ? Map.of() : schemas;
    }

    public ServicePlan withMetadata(Metadata m) {
        return new ServicePlan(guid, createdAt, updatedAt, offeringGuid, offeringName, brokerGuid, brokerName,
                brokerSpaceGuid, catalogId, name, description, free, bindable, planUpdateable, maximumPollingDuration,
                maintenanceInfo, extra, schemas, publicPlan, available, hasOrgVisibilities, m);
    }

    /** The reference's visibility type: public, else space (space-scoped broker), else organization, else admin. */
    public ServicePlanVisibilityType visibilityType() {
        if (publicPlan) {
            return ServicePlanVisibilityType.PUBLIC;
        }
        if (brokerSpaceGuid != null) {
            return ServicePlanVisibilityType.SPACE;
        }
        return hasOrgVisibilities ? ServicePlanVisibilityType.ORGANIZATION : ServicePlanVisibilityType.ADMIN;
    }
}
