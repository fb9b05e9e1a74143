package dev.capi.persistence.quotas;

import dev.capi.domain.quotas.QuotaUsage;
import dev.capi.domain.quotas.QuotaUsageRepository;
import dev.capi.persistence.quotas.UsageContribution.Level;
import dev.capi.persistence.quotas.UsageContribution.Metric;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Usage computed by the database from the registered {@link UsageContribution}s: one statement per summary (every
 * metric a scalar subquery), nothing at all when no resource contributes.
 */
public final class JdbiQuotaUsageRepository implements QuotaUsageRepository {
    private final Jdbi jdbi;
    private final Map<Metric, List<UsageContribution>> byMetric = new EnumMap<>(Metric.class);

    public JdbiQuotaUsageRepository(Jdbi jdbi, List<UsageContribution> contributions) {
        this.jdbi = jdbi;
        for (UsageContribution c : contributions) {
            byMetric.computeIfAbsent(c.metric(), m -> new ArrayList<>()).add(c);
        }
    }

    /** Usage with the contributions of {@link UsageContributions#all()}. */
    public JdbiQuotaUsageRepository(Jdbi jdbi) {
        this(jdbi, UsageContributions.all());
    }

    private enum Scope { PLATFORM, ORGANIZATION, SPACE }

    @Override
    public QuotaUsage organization(String organizationGuid) {
        return summary(Scope.ORGANIZATION, organizationGuid);
    }

    @Override
    public QuotaUsage space(String spaceGuid) {
        return summary(Scope.SPACE, spaceGuid);
    }

    @Override
    public QuotaUsage platform() {
        return summary(Scope.PLATFORM, null);
    }

    private QuotaUsage summary(Scope scope, String guid) {
        if (byMetric.isEmpty()) {
            return QuotaUsage.none();
        }
        String sql = "SELECT " + Arrays.stream(Metric.values())
                .map(m -> total(m, scope) + " AS " + m.name().toLowerCase())
                .collect(Collectors.joining(", "));
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (guid != null) {
                q.bind("scope", guid);
            }
            return q.map((rs, ctx) -> new QuotaUsage(rs.getLong("started_instances"), rs.getLong("memory_in_mb"),
                    rs.getLong("pending_task_memory_in_mb"), rs.getLong("log_rate"), rs.getLong("app_tasks"),
                    rs.getLong("routes"), rs.getLong("reserved_ports"), rs.getLong("service_instances"),
                    rs.getLong("service_keys"), rs.getLong("private_domains"),
                    rs.getLong("unlimited_log_rate_processes"))).one();
        });
    }

    /** The sum of a metric's contributions within a scope, as an expression (0 when nothing contributes). */
    private String total(Metric metric, Scope scope) {
        List<String> parts = new ArrayList<>();
        for (UsageContribution c : byMetric.getOrDefault(metric, List.of())) {
            String filter = switch (scope) {
                case PLATFORM -> "";
                case SPACE -> c.level() == Level.SPACE ? " WHERE c.space_guid = :scope" : null;
                case ORGANIZATION -> c.level() == Level.SPACE
                        ? " WHERE c.space_guid IN (SELECT us.guid FROM spaces us WHERE us.organization_guid = :scope)"
                        : " WHERE c.organization_guid = :scope";
            };
            if (filter != null) {
                parts.add("COALESCE((SELECT SUM(c.amount) FROM (" + c.sql() + ") c" + filter + "), 0)");
            }
        }
        return parts.isEmpty() ? "0" : "(" + String.join(" + ", parts) + ")";
    }

    /** A condition: some unlimited-log-rate process lives in a space that {@code spaceCondition} (on c) selects. */
    private String unlimitedLogRate(String spaceCondition) {
        List<UsageContribution> cs = byMetric.getOrDefault(Metric.UNLIMITED_LOG_RATE_PROCESSES, List.of()).stream()
                .filter(c -> c.level() == Level.SPACE).toList();
        if (cs.isEmpty()) {
            return null;
        }
        return "(" + cs.stream().map(c -> "EXISTS (SELECT 1 FROM (" + c.sql() + ") c WHERE c.amount > 0 AND "
                + spaceCondition + ")").collect(Collectors.joining(" OR ")) + ")";
    }

    @Override
    public List<String> organizationsWithUnlimitedLogRate(String organizationQuotaGuid) {
        String condition = unlimitedLogRate(
                "c.space_guid IN (SELECT us.guid FROM spaces us WHERE us.organization_guid = o.guid)");
        if (condition == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT o.name FROM organizations o WHERE o.quota_guid = :q AND "
                + condition + " ORDER BY o.name").bind("q", organizationQuotaGuid).mapTo(String.class).list());
    }

    @Override
    public List<String> spacesWithUnlimitedLogRate(String spaceQuotaGuid) {
        String condition = unlimitedLogRate("c.space_guid = s.guid");
        if (condition == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT s.name FROM spaces s WHERE s.quota_guid = :q AND "
                + condition + " ORDER BY s.name").bind("q", spaceQuotaGuid).mapTo(String.class).list());
    }

    @Override
    public boolean unlimitedLogRateInOrganizations(Collection<String> organizationGuids) {
        return anyUnlimited("SELECT 1 FROM organizations o WHERE o.guid IN (<guids>) AND ", organizationGuids,
                "c.space_guid IN (SELECT us.guid FROM spaces us WHERE us.organization_guid = o.guid)");
    }

    @Override
    public boolean unlimitedLogRateInSpaces(Collection<String> spaceGuids) {
        return anyUnlimited("SELECT 1 FROM spaces s WHERE s.guid IN (<guids>) AND ", spaceGuids,
                "c.space_guid = s.guid");
    }

    private boolean anyUnlimited(String select, Collection<String> guids, String spaceCondition) {
        String condition = unlimitedLogRate(spaceCondition);
        if (condition == null || guids.isEmpty()) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery(select + condition).bindList("guids", List.copyOf(guids))
                .setMaxRows(1).mapTo(Integer.class).findFirst().isPresent());
    }
}
