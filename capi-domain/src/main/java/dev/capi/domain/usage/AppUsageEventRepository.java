package dev.capi.domain.usage;

import dev.capi.model.AppUsageEvent;

import java.util.List;

/** Port: the app usage events table (written here; read by the usage events list). */
public interface AppUsageEventRepository {
    void insert(AppUsageEvent event);

    /** Every event, oldest first (tests and the purge-and-reseed action). */
    List<AppUsageEvent> all();
}
