package dev.capi.domain.builds;

import dev.capi.domain.apps.AppRepository;
import dev.capi.domain.apps.AppStates;
import dev.capi.domain.apps.DropletLookup;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.apps.ProcessCreate;
import dev.capi.domain.apps.ProcessRepository;
import dev.capi.model.AppProcess;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Stage-and-start (the V2 {@code build_completed?start=true}): the staged droplet becomes the app's current one, the
 * process types it declares that the app lacks are created, and the app starts.
 */
public final class StartStagedDroplet implements Builds.StageAndStart {
    private final AppRepository apps;
    private final ProcessRepository processes;
    private final DropletLookup droplets;
    private final ProcessCreate processCreate;
    private final AppStates states;
    private final Clock clock;

    public StartStagedDroplet(AppRepository apps, ProcessRepository processes, DropletLookup droplets,
                              ProcessCreate processCreate, AppStates states, Clock clock) {
        this.apps = apps;
        this.processes = processes;
        this.droplets = droplets;
        this.processCreate = processCreate;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void start(String appGuid, String dropletGuid, Principal creator) {
        apps.find(appGuid).ifPresent(app -> {
            var current = app.withDropletGuid(dropletGuid, clock.instant().truncatedTo(ChronoUnit.MICROS));
            apps.update(current);
            var existing = processes.forApp(appGuid).stream().map(AppProcess::type).toList();
            droplets.find(dropletGuid).ifPresent(d -> d.processTypes().keySet().stream()
                    .filter(type -> !existing.contains(type)).sorted()
                    .forEach(type -> processCreate.create(creator, current, type, null)));
            states.startQuietly(current);
        });
    }
}
