package dev.capi.domain.usage;

import dev.capi.domain.support.Guids;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.AppUsageEvent;
import dev.capi.model.DesiredState;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes app usage events, inside the transaction of the change they describe. For processes: STARTED or STOPPED
 * when a process is created, changed or removed and its started-ness flips, or, while it is started, its memory or
 * instances change (behaviour.md §9).
 */
public final class AppUsageEvents {
    public static final String STARTED = "STARTED";
    public static final String STOPPED = "STOPPED";

    private final AppUsageEventRepository repository;
    private final Clock clock;
    private final Guids guids;

    public AppUsageEvents(AppUsageEventRepository repository, Clock clock, Guids guids) {
        this.repository = repository;
        this.clock = clock;
        this.guids = guids;
    }

    /** The space an event is reported in: its guid and name. */
    public record SpaceRef(String guid, String name, String organizationGuid) {
    }

    /**
     * A process of {@code app} changed from {@code before} (null: it was created) to {@code after} (null: it was
     * removed); records an event if the change is one the reference reports.
     */
    public void processChanged(App app, SpaceRef space, AppProcess before, AppProcess after) {
        boolean wasStarted = before != null && before.started();
        boolean isStarted = after != null && after.started();
        AppProcess now = after != null ? after : before;
        if (now == null) {
            return;
        }
        boolean footprintChanged = before != null && after != null
                && (before.memoryInMb() != after.memoryInMb() || before.instances() != after.instances());
        if (wasStarted == isStarted && !(isStarted && footprintChanged)) {
            return;
        }
        String state = isStarted ? STARTED : STOPPED;
        String previous = before == null ? null : before.state().name();
        repository.insert(new AppUsageEvent(guids.next(), now(), state, previous, app.guid(), app.name(),
                now.guid(), now.type(), space.guid(), space.name(), space.organizationGuid(), now.memoryInMb(),
                before == null ? null : before.memoryInMb(), now.instances(),
                before == null ? null : before.instances(), null, null, null, null, null,
                app.dropletGuid() != null ? "STAGED" : "PENDING"));
    }

    /**
     * Staging of a package started ({@code STAGING_STARTED}) or stopped ({@code STAGING_STOPPED}, also on failure),
     * with the staging memory asked for, as the reference reports builds.
     */
    public void staging(App app, SpaceRef space, boolean started, String packageGuid, long memoryInMb,
                        String buildpackName) {
        repository.insert(new AppUsageEvent(guids.next(), now(), started ? "STAGING_STARTED" : "STAGING_STOPPED",
                null, app.guid(), app.name(), null, null, space.guid(), space.name(), space.organizationGuid(),
                memoryInMb, null, 1, null, null, buildpackName, null, null, packageGuid, "STAGED"));
    }

    /** A task started ({@code TASK_STARTED}) or ended ({@code TASK_STOPPED}), with its memory. */
    public void task(App app, SpaceRef space, String taskGuid, String taskName, long memoryInMb, boolean started) {
        repository.insert(new AppUsageEvent(guids.next(), now(), started ? "TASK_STARTED" : "TASK_STOPPED",
                started ? null : "RUNNING", app.guid(), app.name(), null, null, space.guid(), space.name(),
                space.organizationGuid(), memoryInMb, null, 1, null, null, null, taskGuid, taskName, null, null));
    }

    /** Convenience: a process of a started app was stopped with it (or removed while started). */
    public static AppProcess stopped(AppProcess p) {
        return p.withState(DesiredState.STOPPED, p.version(), p.updatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
