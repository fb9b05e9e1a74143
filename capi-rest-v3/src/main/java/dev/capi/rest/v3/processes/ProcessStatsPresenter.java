package dev.capi.rest.v3.processes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capi.domain.processes.ProcessStats;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import dev.capi.rest.v3.support.JsonSupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code {"resources": [...]}}: one entry per instance, DOWN entries with only the fields the reference shows. */
public final class ProcessStatsPresenter {
    private ProcessStatsPresenter() {
    }

    public static ObjectNode present(ProcessStats stats, Clock clock) {
        ObjectNode doc = JsonSupport.object();
        var resources = doc.putArray("resources");
        Instant now = clock.instant();
        String type = stats.process().type();
        for (InstanceReport r : stats.instances()) {
            ObjectNode e = resources.addObject();
            e.put("type", type);
            e.put("index", r.index());
            if (r.state() == InstanceState.DOWN) {
                e.put("state", r.state().name());
                e.put("routable", r.routable());
                e.put("uptime", 0);
                e.put("isolation_segment", r.isolationSegment());
                e.put("details", r.details());
                continue;
            }
            e.put("instance_guid", r.instanceGuid());
            e.put("state", r.state().name());
            e.put("routable", r.routable());
            e.put("host", r.host());
            e.put("instance_internal_ip", r.internalIp());
            e.put("uptime", r.since() == null ? 0 : Math.max(0, Duration.between(r.since(), now).getSeconds()));
            e.put("mem_quota", r.memQuotaBytes());
            e.put("disk_quota", r.diskQuotaBytes());
            e.put("log_rate_limit", r.logRateLimit());
            e.put("fds_quota", r.fdsQuota());
            e.put("isolation_segment", r.isolationSegment());
            e.put("details", r.details());
            var ports = e.putArray("instance_ports");
            for (InstanceReport.Port p : r.ports()) {
                ObjectNode port = ports.addObject();
                port.put("external", p.external());
                port.put("internal", p.internal());
                if (p.externalTlsProxyPort() == null) {
                    port.putNull("external_tls_proxy_port");
                } else {
                    port.put("external_tls_proxy_port", p.externalTlsProxyPort());
                }
                if (p.internalTlsProxyPort() == null) {
                    port.putNull("internal_tls_proxy_port");
                } else {
                    port.put("internal_tls_proxy_port", p.internalTlsProxyPort());
                }
            }
            ObjectNode usage = e.putObject("usage");
            if (r.usage() != null) {
                usage.put("time", r.usage().time().toString());
                usage.put("cpu", r.usage().cpu());
                usage.put("cpu_entitlement", r.usage().cpuEntitlement());
                usage.put("mem", r.usage().mem());
                usage.put("disk", r.usage().disk());
                usage.put("log_rate", r.usage().logRate());
            }
        }
        return doc;
    }
}
