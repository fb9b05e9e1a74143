package dev.capi.domain.fakes;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rows of one resource in a map, for the small repository fakes: lists honour the filters named in {@code columns}
 * (a filter on another key is ignored; the SQL is tested in persistence) and keep insertion order.
 */
final class InMemoryRows<T> {
    private final Map<String, T> rows = new java.util.LinkedHashMap<>();
    private final Function<T, String> guid;
    private final Map<String, Function<T, String>> columns;

    InMemoryRows(Function<T, String> guid, Map<String, Function<T, String>> columns) {
        this.guid = guid;
        this.columns = new ConcurrentHashMap<>(columns);
    }

    synchronized Optional<T> find(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    synchronized List<T> all() {
        return List.copyOf(rows.values());
    }

    synchronized void put(T row) {
        rows.put(guid.apply(row), row);
    }

    synchronized void delete(String key) {
        rows.remove(key);
    }

    synchronized Page<T> list(ListQuery query) {
        List<T> found = rows.values().stream().filter(r -> matches(r, query.filters())).toList();
        return new Page<>(found, found.size());
    }

    private boolean matches(T row, Map<String, List<String>> filters) {
        for (var filter : filters.entrySet()) {
            Function<T, String> column = columns.get(filter.getKey());
            if (column != null && !filter.getValue().contains(column.apply(row))) {
                return false;
            }
        }
        return true;
    }
}
