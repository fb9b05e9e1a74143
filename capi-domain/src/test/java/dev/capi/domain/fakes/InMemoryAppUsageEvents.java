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

    @Override
    public dev.capi.domain.query.Page<AppUsageEvent> list(dev.capi.domain.query.ListQuery query) {
        return new dev.capi.domain.query.Page<>(all(), all().size());
    }

    @Override
    public java.util.Optional<AppUsageEvent> find(String guid) {
        return all().stream().filter(e -> e.guid().equals(guid)).findFirst();
    }

    @Override
    public void deleteAll() {
        throw new UnsupportedOperationException("not needed by domain tests");
    }

    @Override
    public java.util.List<AppUsageEvent> startedProcessSnapshots(java.time.Instant now) {
        return java.util.List.of();
    }
}
