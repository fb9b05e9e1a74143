package dev.capi.domain.revisions;

import dev.capi.domain.apps.ProcessRepository;
import dev.capi.model.App;
import dev.capi.model.AppProcess;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * When an app starts, records a revision if its droplet, environment or commands changed, and points every process
 * that does not run it yet at that revision (so that {@code /revisions/deployed} lists it).
 */
public final class RevisionOnStart implements Consumer<App> {
    private final ProcessRepository processes;
    private final Revisions revisions;
    private final Clock clock;

    public RevisionOnStart(ProcessRepository processes, Revisions revisions, Clock clock) {
        this.processes = processes;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Override
    public void accept(App app) {
        var running = processes.forApp(app.guid());
        var commands = running.stream().filter(p -> p.command() != null && !p.command().isEmpty())
                .collect(Collectors.toMap(AppProcess::type, AppProcess::command, (a, b) -> a));
        revisions.record(app, app.dropletGuid(), commands).ifPresent(revision -> running.stream()
                .filter(p -> !revision.guid().equals(p.revisionGuid()))
                .forEach(p -> processes.update(p.withRevision(revision.guid(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))));
    }
}
