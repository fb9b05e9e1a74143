package dev.capi.domain.processes;

import dev.capi.domain.apps.AppEvents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The process requests as the reference records them in audit events: commands hidden, metadata as given. */
final class ProcessAuditRequests {
    private ProcessAuditRequests() {
    }

    /** The update request as the reference records it: command hidden, check details left out, metadata as given. */
    static Map<String, Object> update(ProcessCommands.Update cmd) {
        var m = new LinkedHashMap<String, Object>();
        if (cmd.command() != null) {
            m.put("command", AppEvents.PRIVATE_DATA_HIDDEN);
        }
        if (cmd.user() != null) {
            m.put("user", cmd.user().value());
        }
        if (cmd.healthCheck() != null) {
            m.put("health_check", checkRequest(cmd.healthCheck()));
        }
        if (cmd.readinessCheck() != null) {
            m.put("readiness_health_check", checkRequest(cmd.readinessCheck()));
        }
        if (cmd.metadata() != null) {
            var given = new LinkedHashMap<String, Object>();
            if (cmd.metadata().labels() != null) {
                given.put("labels", cmd.metadata().labels());
            }
            if (cmd.metadata().annotations() != null) {
                given.put("annotations", cmd.metadata().annotations());
            }
            m.put("metadata", given);
        }
        return m;
    }

    private static Map<String, Object> checkRequest(ProcessCommands.CheckUpdate u) {
        var m = new LinkedHashMap<String, Object>();
        if (u.type() != null) {
            m.put("type", u.type().value());
        }
        var data = new LinkedHashMap<String, Object>();
        Function<ProcessCommands.Change<?>, Object> v = c -> c.value();
        if (u.timeout() != null) {
            data.put("timeout", v.apply(u.timeout()));
        }
        if (u.invocationTimeout() != null) {
            data.put("invocation_timeout", v.apply(u.invocationTimeout()));
        }
        if (u.interval() != null) {
            data.put("interval", v.apply(u.interval()));
        }
        if (u.endpoint() != null) {
            data.put("endpoint", v.apply(u.endpoint()));
        }
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    static Map<String, Object> scale(ProcessCommands.Scale cmd) {
        var m = new LinkedHashMap<String, Object>();
        if (cmd.instances() != null) {
            m.put("instances", cmd.instances());
        }
        if (cmd.memoryInMb() != null) {
            m.put("memory_in_mb", cmd.memoryInMb());
        }
        if (cmd.diskInMb() != null) {
            m.put("disk_in_mb", cmd.diskInMb());
        }
        if (cmd.logRateLimit() != null) {
            m.put("log_rate_limit_in_bytes_per_second", cmd.logRateLimit());
        }
        return m;
    }
}
