package dev.capi.model;

import java.time.Instant;

/**
 * An app usage event (the reference's {@code app_usage_events} row): a process (or task or build) started or stopped,
 * with what it was and is. Fields that do not apply to the event's kind are null.
 */
public record AppUsageEvent(String guid, Instant createdAt, String state, String previousState, String appGuid,
                            String appName, String processGuid, String processType, String spaceGuid,
                            String spaceName, String organizationGuid, Long memoryInMbPerInstance,
                            Long previousMemoryInMbPerInstance, Integer instanceCount, Integer previousInstanceCount,
                            String buildpackGuid, String buildpackName, String taskGuid, String taskName,
                            String packageGuid, String packageState) {
}
