package dev.capi.domain.query;

import java.util.List;
import java.util.Map;

/**
 * A list request as the domain sees it: page, order, filters (keyed by their query name, e.g. {@code names}),
 * timestamp filters, label selector and the principal's visibility. Persistence renders it as one SQL statement.
 */
public record ListQuery(long page, int perPage, OrderBy orderBy, Map<String, List<String>> filters,
                        List<TimestampFilter> timestamps, LabelSelector labelSelector, Visibility visibility) {
    public ListQuery {
        filters = Map.copyOf(filters);
        timestamps = List.copyOf(timestamps);
    }

    public ListQuery withVisibility(Visibility v) {
        return new ListQuery(page, perPage, orderBy, filters, timestamps, labelSelector, v);
    }

    public ListQuery withFilter(String key, List<String> values) {
        var copy = new java.util.HashMap<>(filters);
        copy.put(key, List.copyOf(values));
        return new ListQuery(page, perPage, orderBy, copy, timestamps, labelSelector, visibility);
    }

    /** A query for every row (tests, jobs), first page of 5000. */
    public static ListQuery all() {
        return new ListQuery(1, 5000, OrderBy.byId(), Map.of(), List.of(), null, Visibility.everything());
    }

    public List<String> filter(String key) {
        return filters.get(key);
    }
}
