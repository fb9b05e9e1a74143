package dev.capi.domain.quotas;

/**
 * What an organization, a space or the whole platform currently uses of what quotas limit. {@code memoryInMb} is the
 * memory of started process instances plus running tasks, {@code pendingTaskMemoryInMb} that of pending tasks (quotas
 * count both; the platform summary only the first); {@code logRateInBytesPerSecond} likewise covers started
 * processes with a finite log rate and running and pending tasks; {@code appTasks} counts pending and running tasks;
 * {@code unlimitedLogRateProcesses} counts processes (in any state) whose log rate is unlimited.
 */
public record QuotaUsage(long startedInstances, long memoryInMb, long pendingTaskMemoryInMb,
                         long logRateInBytesPerSecond, long appTasks, long routes, long reservedPorts,
                         long serviceInstances, long serviceKeys, long privateDomains, long unlimitedLogRateProcesses) {

    public static QuotaUsage none() {
        return new QuotaUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The same usage with another private domain count (a space shows its organization's). */
    public QuotaUsage withPrivateDomains(long count) {
        return new QuotaUsage(startedInstances, memoryInMb, pendingTaskMemoryInMb, logRateInBytesPerSecond, appTasks,
                routes, reservedPorts, serviceInstances, serviceKeys, count, unlimitedLogRateProcesses);
    }

    /** Memory that counts against a quota: started instances, running and pending tasks. */
    public long quotaMemoryInMb() {
        return memoryInMb + pendingTaskMemoryInMb;
    }
}
