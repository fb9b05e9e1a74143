package dev.capi.persistence.quotas;

import java.util.Objects;

/**
 * One resource's share of a usage metric, as SQL: a SELECT (no bind parameters) returning one row per counted item
 * with the columns {@code space_guid} (or, for {@link Level#ORGANIZATION} metrics such as private domains,
 * {@code organization_guid}) and {@code amount}. {@link JdbiQuotaUsageRepository} sums every contribution of a metric
 * over a space, an organization or the platform. Example, the started instances of processes:
 * <pre>{@code
 * new UsageContribution(Metric.STARTED_INSTANCES, Level.SPACE,
 *     "SELECT a.space_guid, p.instances AS amount FROM processes p JOIN apps a ON a.guid = p.app_guid"
 *     + " WHERE p.state = 'STARTED'")
 * }</pre>
 */
public record UsageContribution(Metric metric, Level level, String sql) {
    public UsageContribution {
        Objects.requireNonNull(metric);
        Objects.requireNonNull(level);
        Objects.requireNonNull(sql);
    }

    /** What the rows are keyed by. */
    public enum Level { SPACE, ORGANIZATION }

    /** The metrics of {@link dev.capi.domain.quotas.QuotaUsage}, each the sum of its contributions. */
    public enum Metric {
        /** Instances of started processes. */
        STARTED_INSTANCES,
        /** Memory of started process instances (memory x instances) and of running tasks. */
        MEMORY_IN_MB,
        /** Memory of pending tasks (counts against quotas, not in the platform summary). */
        PENDING_TASK_MEMORY_IN_MB,
        /** Log rate of started processes with a finite log rate (x instances) and of running and pending tasks. */
        LOG_RATE,
        /** Pending and running tasks (1 each). */
        APP_TASKS,
        /** Routes (1 each). */
        ROUTES,
        /** Routes holding a reserved port on a router-group domain (1 each). */
        RESERVED_PORTS,
        /** Managed service instances (1 each). */
        SERVICE_INSTANCES,
        /** Service keys (1 each). */
        SERVICE_KEYS,
        /** Private domains owned by an organization (1 each, {@link Level#ORGANIZATION}). */
        PRIVATE_DOMAINS,
        /** Processes, in any state, whose log rate is unlimited (1 each). */
        UNLIMITED_LOG_RATE_PROCESSES
    }
}
