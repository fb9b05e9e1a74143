package dev.capi.domain.fakes;

import dev.capi.domain.events.AuditEventRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.AuditEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AuditEventRepository} in a list. {@code list} ignores filters and visibility (persistence tests cover
 * the SQL) and remembers the last query, so tests can check what the domain asked for.
 */
public final class InMemoryAuditEventLog implements AuditEventRepository {
    private final List<AuditEvent> events = new ArrayList<>();
    private ListQuery lastQuery;

    @Override
    public void insert(AuditEvent event) {
        events.add(event);
    }

    @Override
    public Optional<AuditEvent> find(String guid) {
        return events.stream().filter(e -> e.guid().equals(guid)).findFirst();
    }

    @Override
    public Page<AuditEvent> list(ListQuery query) {
        lastQuery = query;
        return new Page<>(List.copyOf(events), events.size());
    }

    public ListQuery lastQuery() {
        return lastQuery;
    }

    @Override
    public int deleteOlderThan(java.time.Instant cutoff) {
        int before = events.size();
        events.removeIf(e -> e.createdAt().isBefore(cutoff));
        return before - events.size();
    }
}
