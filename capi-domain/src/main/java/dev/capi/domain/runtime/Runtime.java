package dev.capi.domain.runtime;

import java.util.List;
import java.util.Map;

/**
 * Port: whatever stages and runs apps (Diego's role). The domain calls it after its transaction committed; every call
 * may throw {@link RuntimeUnavailableException} when the runtime cannot be reached.
 */
public interface Runtime {
    /** Starts staging a build; the result arrives later on the internal API. */
    void stage(StagingRequest request);

    /** Makes the process's instances match {@code process} (creates, scales or replaces them when its version changed). */
    void desire(DesiredProcess process);

    /** Stops every instance of the process. */
    void stop(String processGuid);

    /** Stops one instance (the runtime restarts it); false when no such instance runs. */
    boolean stopInstance(String processGuid, int index);

    /** Runs a one-off task; its completion arrives later on the internal API. */
    void runTask(TaskRequest task);

    void cancelTask(String taskGuid);

    /** The instances the runtime knows of for the process, in any order (empty when none). */
    List<InstanceReport> instances(String processGuid);

    /** One batched question for several processes (list pages with {@code embed=process_instances}). */
    default Map<String, List<InstanceReport>> instances(List<String> processGuids) {
        var result = new java.util.LinkedHashMap<String, List<InstanceReport>>();
        processGuids.forEach(g -> result.put(g, instances(g)));
        return result;
    }
}
