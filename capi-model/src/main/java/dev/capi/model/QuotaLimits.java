package dev.capi.model;

/**
 * The limits of an organization or space quota, stored as the reference stores them: {@link #UNLIMITED} ({@code -1})
 * means no limit ({@code null} on the wire). {@code totalPrivateDomains} only applies to organization quotas.
 */
public record QuotaLimits(long totalMemoryInMb, long perProcessMemoryInMb, long totalInstances, long perAppTasks,
                          long logRateLimitInBytesPerSecond, boolean paidServicesAllowed, long totalServiceInstances,
                          long totalServiceKeys, long totalRoutes, long totalReservedPorts, long totalPrivateDomains) {
    /** The stored value of "no limit". */
    public static final long UNLIMITED = -1;

    /** What a quota created through the API gets for every limit it does not name: unlimited, paid plans allowed. */
    public static QuotaLimits unlimited() {
        return new QuotaLimits(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, true, UNLIMITED, UNLIMITED,
                UNLIMITED, UNLIMITED, UNLIMITED);
    }

    /** Whether a stored limit means "no limit". */
    public static boolean isUnlimited(long limit) {
        return limit == UNLIMITED;
    }
}
