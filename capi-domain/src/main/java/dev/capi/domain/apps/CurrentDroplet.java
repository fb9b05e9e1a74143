package dev.capi.domain.apps;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.support.Transactions;
import dev.capi.domain.usage.AppUsageEvents;
import dev.capi.model.App;
import dev.capi.model.AppProcess;
import dev.capi.model.Space;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An app's current droplet: reading it ({@code /droplets/current}, {@code /relationships/current_droplet}) and
 * assigning one of the app's own droplets (which adds a process for every type the droplet declares that the app
 * lacks; records {@code audit.app.droplet.mapped}).
 */
public final class CurrentDroplet {
    static final String CANNOT_REMOVE = "Current droplet cannot be removed. Replace it with a preferred droplet.";
    static final String UNABLE_TO_ASSIGN =
            "Unable to assign current droplet. Ensure the droplet exists and belongs to this app.";
    static final String DEPLOYING = "Unable to assign current droplet while the app has a deployment in progress. "
            + "Wait for the deployment to complete or cancel it.";

    private final AppRepository apps;
    private final ProcessRepository processes;
    private final AppAccess access;
    private final ProcessCreate processCreate;
    private final Transactions tx;
    private final AppEvents events;
    private final AppUsageEvents usage;
    private final ProcessSync sync;
    private final Clock clock;
    private final DropletLookup droplets;
    private final Predicate<String> deploying;

    public CurrentDroplet(AppRepository apps, ProcessRepository processes, AppAccess access,
                          ProcessCreate processCreate, Transactions tx, AppEvents events, AppUsageEvents usage,
                          ProcessSync sync, DropletLookup droplets, Clock clock,
                          Predicate<String> deploying) {
        this.deploying = deploying;
        this.apps = apps;
        this.processes = processes;
        this.access = access;
        this.processCreate = processCreate;
        this.tx = tx;
        this.events = events;
        this.usage = usage;
        this.sync = sync;
        this.droplets = droplets;
        this.clock = clock;
    }

    /** The visible app and its current droplet; 404 "App not found", then 404 "Droplet not found". */
    public record Current(App app, DropletLookup.Droplet droplet) {
    }

    public Current get(Permissions perms, String appGuid) {
        return tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            var droplet = app.dropletGuid() == null ? null : droplets.find(app.dropletGuid()).orElse(null);
            if (droplet == null) {
                throw CfException.notFound("Droplet");
            }
            return new Current(app, droplet);
        });
    }

    /**
     * Assigns the droplet ({@code dropletGuid} null with {@code dataGiven}: 422, it cannot be removed); space
     * developers, supporters, admins.
     */
    public Current assign(Permissions perms, String appGuid, String dropletGuid, boolean dataGiven) {
        if (dataGiven && dropletGuid == null) {
            throw CfException.unprocessable(CANNOT_REMOVE);
        }
        Current result = tx.inTransaction(() -> {
            App app = access.visible(perms, appGuid);
            access.requireManager(perms, app);
            if (deploying.test(app.guid())) {
                throw CfException.unprocessable(DEPLOYING);
            }
            var droplet = dropletGuid == null ? null : droplets.find(dropletGuid)
                    .filter(d -> app.guid().equals(d.appGuid()) && "STAGED".equals(d.state())).orElse(null);
            if (droplet == null) {
                throw CfException.unprocessable(UNABLE_TO_ASSIGN);
            }
            App updated = app.withDropletGuid(droplet.guid(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            apps.update(updated);
            events.app("audit.app.droplet.mapped", perms.principal(), updated,
                    Map.of("request", Map.of("droplet_guid", droplet.guid())));
            Set<String> existing = processes.forApp(app.guid()).stream().map(AppProcess::type)
                    .collect(java.util.stream.Collectors.toSet());
            Space space = access.space(app.spaceGuid());
            var ref = new AppUsageEvents.SpaceRef(space.guid(), space.name(), space.organizationGuid());
            droplet.processTypes().keySet().stream().filter(t -> !existing.contains(t)).sorted().forEach(type -> {
                AppProcess created = processCreate.create(perms.principal(), updated, type, null);
                usage.processChanged(updated, ref, null, created);
            });
            return new Current(updated, droplet);
        });
        sync.converge(result.app(), processes.forApp(result.app().guid()));
        return result;
    }
}
