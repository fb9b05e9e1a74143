package dev.capi.domain.runtime;

import java.time.Instant;
import java.util.List;

/**
 * One instance as the runtime reports it: index, state and since when, where it runs, its quotas and its usage (null
 * when the runtime has no metrics).
 */
public record InstanceReport(int index, String instanceGuid, InstanceState state, Instant since, boolean routable,
                             String host, String internalIp, List<Port> ports, long memQuotaBytes,
                             long diskQuotaBytes, long logRateLimit, int fdsQuota, String isolationSegment,
                             String details, Usage usage) {
    public InstanceReport {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** A port mapping: external (host) and internal (container) ports, and the TLS proxy ports (null when none). */
    public record Port(int external, int internal, Integer externalTlsProxyPort, Integer internalTlsProxyPort) {
    }

    /** Resource usage at {@code time}: cpu fraction, memory and disk bytes, log rate bytes/s. */
    public record Usage(Instant time, double cpu, double cpuEntitlement, long mem, long disk, long logRate) {
    }
}
