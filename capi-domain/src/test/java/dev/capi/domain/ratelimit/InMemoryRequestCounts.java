package dev.capi.domain.ratelimit;

import java.util.HashMap;
import java.util.Map;

/** The counters in a map, for domain tests. */
final class InMemoryRequestCounts implements RequestCounts {
    private final Map<String, RequestCount> rows = new HashMap<>();

    @Override
    public synchronized RequestCount increment(String key, long nowEpochSecond, long windowEndEpochSecond) {
        RequestCount row = rows.get(key);
        RequestCount next = row == null || row.validUntilEpochSecond() <= nowEpochSecond
                ? new RequestCount(1, windowEndEpochSecond)
                : new RequestCount(row.count() + 1, row.validUntilEpochSecond());
        rows.put(key, next);
        return next;
    }

    Map<String, RequestCount> rows() {
        return rows;
    }
}
