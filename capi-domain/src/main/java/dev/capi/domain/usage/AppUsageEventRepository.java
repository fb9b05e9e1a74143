package dev.capi.domain.usage;

import dev.capi.model.AppUsageEvent;

import java.util.List;

/** Port: the app usage events table (written here; read by the usage events list). */
public interface AppUsageEventRepository {
    void insert(AppUsageEvent event);

    /** Every event, oldest first (tests and the purge-and-reseed action). */
    List<AppUsageEvent> all();

    /** One page; filters guids and after_guid (events written after that one). */
    dev.capi.domain.query.Page<AppUsageEvent> list(dev.capi.domain.query.ListQuery query);

    java.util.Optional<AppUsageEvent> find(String guid);

    void deleteAll();

    /** A STARTED event (without guid) for every started process, as the purge-and-reseed writes them. */
    List<AppUsageEvent> startedProcessSnapshots(java.time.Instant now);
}
