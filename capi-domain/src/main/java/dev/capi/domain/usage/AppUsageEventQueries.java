package dev.capi.domain.usage;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.AppUsageEvent;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reading app usage events (global readers only; others get an empty list, as in the reference) and the admin's
 * destructive purge that reseeds one STARTED event per started process.
 */
public final class AppUsageEventQueries {
    private final AppUsageEventRepository repository;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;

    public AppUsageEventQueries(AppUsageEventRepository repository, Transactions tx, Clock clock, Guids guids) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    public Page<AppUsageEvent> list(Permissions perms, ListQuery query) {
        if (!perms.canReadGlobally()) {
            return new Page<>(List.of(), 0);
        }
        return tx.inTransaction(() -> repository.list(query));
    }

    public AppUsageEvent get(Permissions perms, String guid) {
        return tx.inTransaction(() -> repository.find(guid).filter(e -> perms.canReadGlobally())
                .orElseThrow(() -> CfException.notFound("App usage event")));
    }

    /** Deletes every event and writes one STARTED event per started process (admins only). */
    public void purgeAndReseed(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
        tx.run(() -> {
            repository.deleteAll();
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (AppUsageEvent e : repository.startedProcessSnapshots(now)) {
                repository.insert(new AppUsageEvent(guids.next(), e.createdAt(), e.state(), e.previousState(),
                        e.appGuid(), e.appName(), e.processGuid(), e.processType(), e.spaceGuid(), e.spaceName(),
                        e.organizationGuid(), e.memoryInMbPerInstance(), e.previousMemoryInMbPerInstance(),
                        e.instanceCount(), e.previousInstanceCount(), e.buildpackGuid(), e.buildpackName(),
                        e.taskGuid(), e.taskName(), e.packageGuid(), e.packageState()));
            }
        });
    }
}
