package dev.capi.domain.usage;

import dev.capi.domain.auth.Permissions;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.support.Guids;
import dev.capi.domain.support.Transactions;
import dev.capi.model.ServiceUsageEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Service usage events: the writer service instances call inside their transactions ({@link #record}), the reading
 * side (global readers only; others get an empty list, as in the reference) and the admin's destructive purge that
 * reseeds one CREATED event per existing service instance.
 */
public final class ServiceUsageEvents {
    private final ServiceUsageEventRepository repository;
    private final Transactions tx;
    private final Clock clock;
    private final Guids guids;
    private final ServiceInstanceSnapshots instances;

    public ServiceUsageEvents(ServiceUsageEventRepository repository, Transactions tx, Clock clock, Guids guids,
                              ServiceInstanceSnapshots instances) {
        this.instances = instances;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.guids = guids;
    }

    /** Writes an event (its guid and time are given here) inside the caller's transaction. */
    public ServiceUsageEvent record(ServiceUsageEvent event) {
        ServiceUsageEvent stored = event.withGuidAndTime(guids.next(), now());
        repository.insert(stored);
        return stored;
    }

    public Page<ServiceUsageEvent> list(Permissions perms, ListQuery query) {
        if (!perms.canReadGlobally()) {
            return new Page<>(List.of(), 0);
        }
        return tx.inTransaction(() -> repository.list(query));
    }

    public ServiceUsageEvent get(Permissions perms, String guid) {
        if (!perms.canReadGlobally()) {
            throw CfException.notFound("Service usage event");
        }
        return tx.inTransaction(() -> repository.find(guid)
                .orElseThrow(() -> CfException.notFound("Service usage event")));
    }

    /** Deletes every event and writes one CREATED event per existing service instance (admins only). */
    public void purgeAndReseed(Permissions perms) {
        if (!perms.canWriteGlobally()) {
            throw CfException.notAuthorized();
        }
        tx.run(() -> {
            repository.deleteAll();
            Instant now = now();
            for (ServiceUsageEvent e : instances.created()) {
                repository.insert(e.withGuidAndTime(guids.next(), now));
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
