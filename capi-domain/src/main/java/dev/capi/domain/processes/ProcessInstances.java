package dev.capi.domain.processes;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import dev.capi.domain.runtime.Runtime;
import dev.capi.domain.runtime.RuntimeUnavailableException;
import dev.capi.model.AppProcess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runtime reports of processes' instances, one entry per desired instance (DOWN when the runtime does not
 * report it; STOPPING for a stopped process); one question to the runtime for any number of processes.
 */
final class ProcessInstances {
    private final Runtime runtime;

    ProcessInstances(Runtime runtime) {
        this.runtime = runtime;
    }

    Map<String, List<InstanceReport>> of(List<AppProcess> processes) {
        Map<String, List<InstanceReport>> reported = reports(processes.stream().map(AppProcess::guid).toList());
        var result = new LinkedHashMap<String, List<InstanceReport>>();
        processes.forEach(p -> result.put(p.guid(), entries(p, reported.get(p.guid()))));
        return result;
    }

    private Map<String, List<InstanceReport>> reports(List<String> guids) {
        try {
            return runtime.instances(guids);
        } catch (RuntimeUnavailableException e) {
            throw CfException.of(CfError.InstancesUnavailable, e.getMessage());
        }
    }

    static List<InstanceReport> entries(AppProcess p, List<InstanceReport> reported) {
        List<InstanceReport> known = reported == null ? List.of() : reported;
        if (!p.started()) {
            return known.stream().sorted(Comparator.comparingInt(InstanceReport::index))
                    .map(r -> withState(r, InstanceState.STOPPING)).toList();
        }
        Map<Integer, InstanceReport> byIndex = new LinkedHashMap<>();
        known.forEach(r -> byIndex.putIfAbsent(r.index(), r));
        List<InstanceReport> entries = new ArrayList<>();
        for (int i = 0; i < p.instances(); i++) {
            InstanceReport r = byIndex.get(i);
            entries.add(r != null ? r : down(i));
        }
        return entries;
    }

    private static InstanceReport down(int index) {
        return new InstanceReport(index, null, InstanceState.DOWN, null, false, null, null, List.of(), 0, 0, 0, 0,
                null, null, null);
    }

    private static InstanceReport withState(InstanceReport r, InstanceState state) {
        return new InstanceReport(r.index(), r.instanceGuid(), state, r.since(), r.routable(), r.host(),
                r.internalIp(), r.ports(), r.memQuotaBytes(), r.diskQuotaBytes(), r.logRateLimit(), r.fdsQuota(),
                r.isolationSegment(), r.details(), r.usage());
    }
}
