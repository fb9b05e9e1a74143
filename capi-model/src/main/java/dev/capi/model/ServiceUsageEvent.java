package dev.capi.model;

import java.time.Instant;

/**
 * A service usage event (the reference's {@code service_usage_events} row): a service instance was created, updated
 * or deleted, with its space, organization, plan, offering and broker as they were at that moment.
 */
public record ServiceUsageEvent(String guid, Instant createdAt, String state, String spaceGuid, String spaceName,
                                String organizationGuid, String serviceInstanceGuid, String serviceInstanceName,
                                String serviceInstanceType, String servicePlanGuid, String servicePlanName,
                                String serviceOfferingGuid, String serviceOfferingName, String serviceBrokerGuid,
                                String serviceBrokerName) {
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    public ServiceUsageEvent withGuidAndTime(String newGuid, Instant at) {
        return new ServiceUsageEvent(newGuid, at, state, spaceGuid, spaceName, organizationGuid, serviceInstanceGuid,
                serviceInstanceName, serviceInstanceType, servicePlanGuid, servicePlanName, serviceOfferingGuid,
                serviceOfferingName, serviceBrokerGuid, serviceBrokerName);
    }
}
