package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.model.QuotaLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import static dev.capi.model.QuotaLimits.isUnlimited;

/**
 * Answers "may this change happen under the organization's and the space's quotas", from the limits and the current
 * usage in a {@link QuotaScope}; refuses with 422 UnprocessableEntity and the reference's texts (several problems of
 * one process or task joined with ", " as the reference's model validation joins them). Pure: no I/O.
 */
public final class QuotaGuard {

    /** What one process asks for: started or not, memory per instance, instances, log rate per instance (-1: unlimited). */
    public record ProcessDemand(boolean started, long memoryInMb, long instances, long logRateLimit) {
    }

    /**
     * A process is created, scaled, started or updated: {@code current} is its stored state (null when new). Only a
     * started process is checked: total memory (space, then organization), memory per instance (organization, then
     * space), instances (organization, then space) and, when its state, instances or log rate change, log rate
     * (space, then organization).
     */
    public void checkProcess(QuotaScope scope, ProcessDemand current, ProcessDemand proposed) {
        if (!proposed.started()) {
            return;
        }
        boolean wasStarted = current != null && current.started();
        List<String> errors = new ArrayList<>();
        long additionalMemory = proposed.memoryInMb() * proposed.instances()
                - (wasStarted ? current.memoryInMb() * current.instances() : 0);
        if (!hasRemaining(scope.spaceQuota(), QuotaLimits::totalMemoryInMb, scope.spaceUsage().quotaMemoryInMb(),
                additionalMemory)) {
            errors.add("memory space_quota_exceeded");
        }
        if (!hasRemaining(scope.organizationQuota(), QuotaLimits::totalMemoryInMb,
                scope.organizationUsage().quotaMemoryInMb(), additionalMemory)) {
            errors.add("memory quota_exceeded");
        }
        if (exceeds(scope.organizationQuota(), QuotaLimits::perProcessMemoryInMb, proposed.memoryInMb())) {
            errors.add("memory instance_memory_limit_exceeded");
        }
        if (exceeds(scope.spaceQuota(), QuotaLimits::perProcessMemoryInMb, proposed.memoryInMb())) {
            errors.add("memory space_instance_memory_limit_exceeded");
        }
        long currentInstances = wasStarted ? current.instances() : 0;
        if (exceeds(scope.organizationQuota(), QuotaLimits::totalInstances,
                scope.organizationUsage().startedInstances() - currentInstances + proposed.instances())) {
            errors.add("app_instance_limit app_instance_limit_exceeded");
        }
        if (exceeds(scope.spaceQuota(), QuotaLimits::totalInstances,
                scope.spaceUsage().startedInstances() - currentInstances + proposed.instances())) {
            errors.add("app_instance_limit space_app_instance_limit_exceeded");
        }
        boolean logRateChanges = !wasStarted || current.instances() != proposed.instances()
                || current.logRateLimit() != proposed.logRateLimit();
        if (logRateChanges) {
            long requested = isUnlimited(proposed.logRateLimit()) ? QuotaLimits.UNLIMITED
                    : proposed.logRateLimit() * proposed.instances()
                    - (wasStarted && !isUnlimited(current.logRateLimit())
                    ? current.logRateLimit() * current.instances() : 0);
            logRate(errors, "log_rate_limit", "space", scope.spaceName(), scope.spaceQuota(),
                    scope.spaceUsage(), requested, "exceeds space log rate quota");
            logRate(errors, "log_rate_limit", "organization", scope.organizationName(), scope.organizationQuota(),
                    scope.organizationUsage(), requested, "exceeds organization log rate quota");
        }
        refuse(errors);
    }

    /**
     * A task is created with this memory and log rate (-1: unlimited): memory, memory per instance and log rate, then
     * the number of pending and running tasks, organization before space in each.
     */
    public void checkTask(QuotaScope scope, long memoryInMb, long logRateLimit) {
        List<String> memory = new ArrayList<>();
        List<String> logRate = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        taskLimits(memory, logRate, tasks, "organization", scope.organizationName(), scope.organizationQuota(),
                scope.organizationUsage(), memoryInMb, logRateLimit);
        taskLimits(memory, logRate, tasks, "space", scope.spaceName(), scope.spaceQuota(), scope.spaceUsage(),
                memoryInMb, logRateLimit);
        List<String> errors = new ArrayList<>(memory);
        errors.addAll(logRate);
        errors.addAll(tasks);
        refuse(errors);
    }

    private void taskLimits(List<String> memory, List<String> logRate, List<String> tasks, String kind, String name,
                            QuotaLimits quota, QuotaUsage usage, long memoryInMb, long logRateLimit) {
        if (!hasRemaining(quota, QuotaLimits::totalMemoryInMb, usage.quotaMemoryInMb(), memoryInMb)) {
            memory.add("memory_in_mb exceeds " + kind + " memory quota");
        }
        if (exceeds(quota, QuotaLimits::perProcessMemoryInMb, memoryInMb)) {
            memory.add("memory_in_mb exceeds " + kind + " instance memory quota");
        }
        logRate(logRate, "log_rate_limit", kind, name, quota, usage, logRateLimit,
                "exceeds " + kind + " log rate quota");
        if (quota != null && !isUnlimited(quota.perAppTasks()) && quota.perAppTasks() <= usage.appTasks()) {
            tasks.add("app_task_limit quota exceeded");
        }
    }

    /**
     * Staging needs this much memory and log rate (-1: unlimited): the space's then the organization's memory, then
     * the space's then the organization's log rate; the first problem is the answer.
     */
    public void checkStaging(QuotaScope scope, long memoryInMb, long logRateLimit) {
        if (!hasRemaining(scope.spaceQuota(), QuotaLimits::totalMemoryInMb, scope.spaceUsage().quotaMemoryInMb(),
                memoryInMb)) {
            throw CfException.unprocessable("space's memory limit exceeded: staging requires " + memoryInMb
                    + "M memory");
        }
        if (!hasRemaining(scope.organizationQuota(), QuotaLimits::totalMemoryInMb,
                scope.organizationUsage().quotaMemoryInMb(), memoryInMb)) {
            throw CfException.unprocessable("organization's memory limit exceeded: staging requires " + memoryInMb
                    + "M memory");
        }
        if (!hasRemaining(scope.spaceQuota(), QuotaLimits::logRateLimitInBytesPerSecond,
                scope.spaceUsage().logRateInBytesPerSecond(), logRateLimit)) {
            throw CfException.unprocessable("space's log rate limit exceeded: staging requires " + logRateLimit
                    + " bytes per second");
        }
        if (!hasRemaining(scope.organizationQuota(), QuotaLimits::logRateLimitInBytesPerSecond,
                scope.organizationUsage().logRateInBytesPerSecond(), logRateLimit)) {
            throw CfException.unprocessable("organization's log rate limit exceeded: staging requires "
                    + logRateLimit + " bytes per second");
        }
    }

    /**
     * One route is created ({@code reservesPort}: a TCP route with a port): the space's routes, the space's reserved
     * ports, the organization's routes, the organization's reserved ports; the first problem is the answer.
     */
    public void checkRoute(QuotaScope scope, boolean reservesPort) {
        boolean spaceRoutes = allowsMoreRoutes(scope.spaceQuota(), scope.spaceUsage());
        boolean orgRoutes = allowsMoreRoutes(scope.organizationQuota(), scope.organizationUsage());
        if (!spaceRoutes) {
            throw CfException.unprocessable("Routes quota exceeded for space '" + scope.spaceName() + "'.");
        }
        if (reservesPort && !allowsMorePorts(scope.spaceQuota(), scope.spaceUsage())) {
            throw CfException.unprocessable("Reserved route ports quota exceeded for space '" + scope.spaceName()
                    + "'.");
        }
        if (!orgRoutes) {
            throw CfException.unprocessable("Routes quota exceeded for organization '" + scope.organizationName()
                    + "'.");
        }
        if (reservesPort && !allowsMorePorts(scope.organizationQuota(), scope.organizationUsage())) {
            throw CfException.unprocessable("Reserved route ports quota exceeded for organization '"
                    + scope.organizationName() + "'.");
        }
    }

    /**
     * One managed service instance is created on a plan that is free or paid: the space's and the organization's
     * number of instances, then whether the space's and the organization's quotas allow paid plans (400 with the
     * reference's own error kinds, as its create and update actions answer them).
     */
    public void checkServiceInstance(QuotaScope scope, boolean paidPlan) {
        if (exceeds(scope.spaceQuota(), QuotaLimits::totalServiceInstances, scope.spaceUsage().serviceInstances() + 1)) {
            throw CfException.of(CfError.ServiceInstanceSpaceQuotaExceeded);
        }
        if (exceeds(scope.organizationQuota(), QuotaLimits::totalServiceInstances,
                scope.organizationUsage().serviceInstances() + 1)) {
            throw CfException.of(CfError.ServiceInstanceQuotaExceeded);
        }
        checkPaidPlan(scope, paidPlan);
    }

    /** A managed service instance moves to a plan (paid or free): whether the space's and org's quotas allow it. */
    public void checkPaidPlan(QuotaScope scope, boolean paidPlan) {
        if (paidPlan && scope.spaceQuota() != null && !scope.spaceQuota().paidServicesAllowed()) {
            throw CfException.of(CfError.ServiceInstanceServicePlanNotAllowedBySpaceQuota);
        }
        if (paidPlan && scope.organizationQuota() != null && !scope.organizationQuota().paidServicesAllowed()) {
            throw CfException.of(CfError.ServiceInstanceServicePlanNotAllowed);
        }
    }

    /** One service key is created: the space's, then the organization's number of keys. */
    public void checkServiceKey(QuotaScope scope) {
        if (exceeds(scope.spaceQuota(), QuotaLimits::totalServiceKeys, scope.spaceUsage().serviceKeys() + 1)) {
            throw CfException.unprocessable("You have exceeded your space's limit for service binding of type key.");
        }
        if (exceeds(scope.organizationQuota(), QuotaLimits::totalServiceKeys,
                scope.organizationUsage().serviceKeys() + 1)) {
            throw CfException.unprocessable(
                    "You have exceeded your organization's limit for service binding of type key.");
        }
    }

    /** {@code count} private domains are added to the organization. */
    public void checkPrivateDomains(QuotaScope scope, int count) {
        if (exceeds(scope.organizationQuota(), QuotaLimits::totalPrivateDomains,
                scope.organizationUsage().privateDomains() + count)) {
            throw CfException.unprocessable("The number of private domains exceeds the quota for organization \""
                    + scope.organizationName() + "\"");
        }
    }

    private static void logRate(List<String> errors, String field, String kind, String name, QuotaLimits quota,
                                QuotaUsage usage, long requested, String exceeded) {
        long limit = quota == null ? QuotaLimits.UNLIMITED : quota.logRateLimitInBytesPerSecond();
        if (isUnlimited(requested) && !isUnlimited(limit)) {
            errors.add(field + " cannot be unlimited in " + kind + " '" + name + "'.");
        }
        if (!hasRemaining(quota, QuotaLimits::logRateLimitInBytesPerSecond, usage.logRateInBytesPerSecond(),
                requested)) {
            errors.add(field + " " + exceeded);
        }
    }

    /** The reference's has_remaining_*: no quota or an unlimited one always has room; else limit - used >= wanted. */
    private static boolean hasRemaining(QuotaLimits quota, ToLongFunction<QuotaLimits> limit, long used, long wanted) {
        if (quota == null || isUnlimited(limit.applyAsLong(quota))) {
            return true;
        }
        return limit.applyAsLong(quota) - used >= wanted;
    }

    /** Whether {@code value} is above a finite limit. */
    private static boolean exceeds(QuotaLimits quota, ToLongFunction<QuotaLimits> limit, long value) {
        return quota != null && !isUnlimited(limit.applyAsLong(quota)) && value > limit.applyAsLong(quota);
    }

    private static boolean allowsMoreRoutes(QuotaLimits quota, QuotaUsage usage) {
        return !exceeds(quota, QuotaLimits::totalRoutes, usage.routes() + 1);
    }

    /** The reference's MaxReservedRoutePortsPolicy, including its comparison of total routes with used ports. */
    private static boolean allowsMorePorts(QuotaLimits quota, QuotaUsage usage) {
        if (quota == null) {
            return true;
        }
        long reservable = quota.totalReservedPorts();
        long used = usage.reservedPorts();
        if (isUnlimited(reservable)) {
            return isUnlimited(quota.totalRoutes()) || quota.totalRoutes() > used;
        }
        return used < reservable;
    }

    private static void refuse(List<String> errors) {
        if (!errors.isEmpty()) {
            throw CfException.unprocessable(String.join(", ", errors));
        }
    }
}
