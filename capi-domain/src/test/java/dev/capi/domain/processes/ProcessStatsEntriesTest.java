package dev.capi.domain.processes;

import dev.capi.domain.runtime.InstanceReport;
import dev.capi.domain.runtime.InstanceState;
import dev.capi.model.AppProcess;
import dev.capi.model.AppProcess.HealthCheck;
import dev.capi.model.DesiredState;
import dev.capi.model.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One stats entry per desired instance: what the runtime reports, DOWN for the rest, STOPPING once stopped. */
class ProcessStatsEntriesTest {
    private static AppProcess process(DesiredState state, int instances) {
        return new AppProcess("p", Instant.EPOCH, Instant.EPOCH, "a", "s", "o", "web", null, null, instances, 1024,
                1024, -1, HealthCheck.of("port"), HealthCheck.of("process"), state, "v", null, Metadata.empty());
    }

    private static InstanceReport running(int index) {
        return new InstanceReport(index, "i" + index, InstanceState.RUNNING, Instant.EPOCH, true, "h", "ip",
                List.of(), 0, 0, 0, 0, null, null, null);
    }

    @Test
    void missingInstancesAreDownAndExtraOnesAreLeftOut() {
        var entries = ProcessInstances.entries(process(DesiredState.STARTED, 3), List.of(running(2), running(0),
                running(5)));
        assertThat(entries).extracting(InstanceReport::index).containsExactly(0, 1, 2);
        assertThat(entries).extracting(InstanceReport::state)
                .containsExactly(InstanceState.RUNNING, InstanceState.DOWN, InstanceState.RUNNING);
    }

    @Test
    void aStoppedProcessShowsLingeringInstancesAsStopping() {
        assertThat(ProcessInstances.entries(process(DesiredState.STOPPED, 2), List.of())).isEmpty();
        assertThat(ProcessInstances.entries(process(DesiredState.STOPPED, 2), List.of(running(0))))
                .extracting(InstanceReport::state).containsExactly(InstanceState.STOPPING);
    }
}
