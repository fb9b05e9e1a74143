package dev.capi.domain.fakes;

import dev.capi.domain.usage.AppUsageEventRepository;
import dev.capi.model.AppUsageEvent;

import java.util.ArrayList;
import java.util.List;

/** App usage events in a list. */
public final class InMemoryAppUsageEvents implements AppUsageEventRepository {
    private final List<AppUsageEvent> events = new ArrayList<>();

    @Override
    public void insert(AppUsageEvent event) {
        events.add(event);
    }

    @Override
    public List<AppUsageEvent> all() {
        return List.copyOf(events);
    }
}
