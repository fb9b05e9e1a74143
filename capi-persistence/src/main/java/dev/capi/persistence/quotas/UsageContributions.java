package dev.capi.persistence.quotas;

import dev.capi.persistence.quotas.UsageContribution.Level;
import dev.capi.persistence.quotas.UsageContribution.Metric;

import java.util.List;

/**
 * The extension point of quota usage: every resource whose rows count against a quota adds its
 * {@link UsageContribution}s here, in its own words (its tables, its columns), when its schema lands. Until then its
 * metrics are 0.
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
        return List.of(
                new UsageContribution(Metric.STARTED_INSTANCES, Level.SPACE, STARTED_PROCESSES
                        .formatted("p.instances")),
                new UsageContribution(Metric.MEMORY_IN_MB, Level.SPACE, STARTED_PROCESSES
                        .formatted("p.memory_in_mb * p.instances")),
                new UsageContribution(Metric.LOG_RATE, Level.SPACE, STARTED_PROCESSES
                        .formatted("p.log_rate_limit * p.instances") + " AND p.log_rate_limit >= 0"),
                new UsageContribution(Metric.UNLIMITED_LOG_RATE_PROCESSES, Level.SPACE,
                        "SELECT a.space_guid, 1 AS amount FROM processes p JOIN apps a ON a.guid = p.app_guid"
                                + " WHERE p.log_rate_limit < 0"),
                new UsageContribution(Metric.MEMORY_IN_MB, Level.SPACE, TASKS.formatted("t.memory_in_mb", "'RUNNING'")),
                new UsageContribution(Metric.PENDING_TASK_MEMORY_IN_MB, Level.SPACE,
                        TASKS.formatted("t.memory_in_mb", "'PENDING'")),
                new UsageContribution(Metric.LOG_RATE, Level.SPACE, TASKS.formatted("t.log_rate_limit",
                        "'PENDING', 'RUNNING'") + " AND t.log_rate_limit >= 0"),
                new UsageContribution(Metric.APP_TASKS, Level.SPACE, TASKS.formatted("1", "'PENDING', 'RUNNING'")),
                new UsageContribution(Metric.ROUTES, Level.SPACE, "SELECT r.space_guid, 1 AS amount FROM routes r"),
                new UsageContribution(Metric.RESERVED_PORTS, Level.SPACE, "SELECT r.space_guid, 1 AS amount"
                        + " FROM routes r JOIN domains d ON d.guid = r.domain_guid"
                        + " WHERE r.port <> 0 AND d.router_group_guid IS NOT NULL"),
                new UsageContribution(Metric.SERVICE_INSTANCES, Level.SPACE, "SELECT si.space_guid, 1 AS amount"
                        + " FROM service_instances si WHERE si.type = 'managed'"),
                new UsageContribution(Metric.SERVICE_KEYS, Level.SPACE, "SELECT si.space_guid, 1 AS amount"
                        + " FROM service_credential_bindings b"
                        + " JOIN service_instances si ON si.guid = b.service_instance_guid WHERE b.type = 'key'"),
                new UsageContribution(Metric.PRIVATE_DOMAINS, Level.ORGANIZATION,
                        "SELECT d.owning_organization_guid AS organization_guid, 1 AS amount FROM domains d"
                                + " WHERE d.owning_organization_guid IS NOT NULL"));
    }

    /** Tasks in some states ({@code %2$s}, quoted) with their space; {@code %1$s} is the amount. */
    private static final String TASKS = "SELECT t.space_guid, %1$s AS amount FROM tasks t WHERE t.state IN (%2$s)";

    /** Started processes with their app's space; {@code %s} is the amount. */
    private static final String STARTED_PROCESSES = "SELECT a.space_guid, %s AS amount FROM processes p"
            + " JOIN apps a ON a.guid = p.app_guid WHERE p.state = 'STARTED'";
}
