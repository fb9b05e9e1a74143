package dev.capi.persistence.quotas;

import java.util.List;

/**
 * The extension point of quota usage: every resource whose rows count against a quota adds its
 * {@link UsageContribution}s here, in its own words (its tables, its columns), when its schema lands. Until then its
 * metrics are 0: in this schema nothing counts yet (organizations and spaces are not limited by quotas).
 * <ul>
 *     <li>processes (with apps): STARTED_INSTANCES, MEMORY_IN_MB, LOG_RATE, UNLIMITED_LOG_RATE_PROCESSES</li>
 *     <li>tasks: MEMORY_IN_MB (running), PENDING_TASK_MEMORY_IN_MB, LOG_RATE, APP_TASKS</li>
 *     <li>routes (with domains): ROUTES, RESERVED_PORTS; domains: PRIVATE_DOMAINS</li>
 *     <li>service instances: SERVICE_INSTANCES (managed only); service keys: SERVICE_KEYS</li>
 * </ul>
 */
public final class UsageContributions {
    private UsageContributions() {
    }

    /** Every contribution of the resources this schema holds. */
    public static List<UsageContribution> all() {
        return List.of();
    }
}
