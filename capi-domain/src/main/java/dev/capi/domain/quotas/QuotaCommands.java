package dev.capi.domain.quotas;

import dev.capi.model.QuotaLimits;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The commands the quota use cases accept (already validated by the REST messages). */
public final class QuotaCommands {
    private QuotaCommands() {
    }

    /** The numeric limits a request may name, as the reference's {@code apps}, {@code services}, ... objects do. */
    public enum Limit {
        TOTAL_MEMORY_IN_MB, PER_PROCESS_MEMORY_IN_MB, TOTAL_INSTANCES, PER_APP_TASKS, LOG_RATE_LIMIT,
        TOTAL_SERVICE_INSTANCES, TOTAL_SERVICE_KEYS, TOTAL_ROUTES, TOTAL_RESERVED_PORTS, TOTAL_DOMAINS
    }

    /**
     * Requested limits: a limit present in {@code numbers} was named in the request, its {@code null} value meaning
     * unlimited; {@code paidServicesAllowed} is applied when {@code paidServicesRequested} (null meaning the default,
     * allowed). Create and update apply them the same way: on create to {@link QuotaLimits#unlimited()}.
     */
    public record LimitChanges(Map<Limit, Long> numbers, Boolean paidServicesAllowed, boolean paidServicesRequested) {
        public LimitChanges {
            EnumMap<Limit, Long> copy = new EnumMap<>(Limit.class);
            copy.putAll(numbers);
            numbers = Collections.unmodifiableMap(copy);
        }

        public static LimitChanges none() {
            return new LimitChanges(Map.of(), null, false);
        }

        public QuotaLimits applyTo(QuotaLimits q) {
            return new QuotaLimits(
                    value(Limit.TOTAL_MEMORY_IN_MB, q.totalMemoryInMb()),
                    value(Limit.PER_PROCESS_MEMORY_IN_MB, q.perProcessMemoryInMb()),
                    value(Limit.TOTAL_INSTANCES, q.totalInstances()),
                    value(Limit.PER_APP_TASKS, q.perAppTasks()),
                    value(Limit.LOG_RATE_LIMIT, q.logRateLimitInBytesPerSecond()),
                    paidServicesRequested ? paidServicesAllowed == null || paidServicesAllowed
                            : q.paidServicesAllowed(),
                    value(Limit.TOTAL_SERVICE_INSTANCES, q.totalServiceInstances()),
                    value(Limit.TOTAL_SERVICE_KEYS, q.totalServiceKeys()),
                    value(Limit.TOTAL_ROUTES, q.totalRoutes()),
                    value(Limit.TOTAL_RESERVED_PORTS, q.totalReservedPorts()),
                    value(Limit.TOTAL_DOMAINS, q.totalPrivateDomains()));
        }

        /** Whether the request names the log rate limit with a finite value (which running apps may contradict). */
        public boolean setsFiniteLogRate() {
            return numbers.get(Limit.LOG_RATE_LIMIT) != null;
        }

        private long value(Limit limit, long current) {
            if (!numbers.containsKey(limit)) {
                return current;
            }
            Long v = numbers.get(limit);
            return v == null ? QuotaLimits.UNLIMITED : v;
        }
    }

    /** {@code POST /v3/organization_quotas}; {@code request} is what the audit event records. */
    public record CreateOrganizationQuota(String name, LimitChanges limits, List<String> organizationGuids,
                                          Map<String, Object> request) {
        public CreateOrganizationQuota {
            organizationGuids = List.copyOf(organizationGuids);
            request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        }
    }

    /** {@code PATCH /v3/organization_quotas/:guid}; a null name is unchanged. */
    public record UpdateOrganizationQuota(String name, LimitChanges limits, Map<String, Object> request) {
        public UpdateOrganizationQuota {
            request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        }
    }

    /** {@code POST /v3/space_quotas}. */
    public record CreateSpaceQuota(String name, String organizationGuid, LimitChanges limits, List<String> spaceGuids,
                                   Map<String, Object> request) {
        public CreateSpaceQuota {
            spaceGuids = List.copyOf(spaceGuids);
            request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        }
    }

    /** {@code PATCH /v3/space_quotas/:guid}; a null name is unchanged. */
    public record UpdateSpaceQuota(String name, LimitChanges limits, Map<String, Object> request) {
        public UpdateSpaceQuota {
            request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        }
    }
}
