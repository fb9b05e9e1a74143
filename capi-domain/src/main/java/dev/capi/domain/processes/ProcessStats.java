package dev.capi.domain.processes;

import dev.capi.domain.runtime.InstanceReport;
import dev.capi.model.AppProcess;

import java.util.List;

/**
 * A process and one entry per instance, by index: what the runtime reports, or a DOWN entry (no stats) for a desired
 * instance the runtime does not report.
 */
public record ProcessStats(AppProcess process, List<InstanceReport> instances) {
    public ProcessStats {
        instances = List.copyOf(instances);
    }
}
