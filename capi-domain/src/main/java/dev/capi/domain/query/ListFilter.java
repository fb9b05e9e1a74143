package dev.capi.domain.query;

import java.util.Collection;

/**
 * A list filter's query-string name ({@code names}, {@code app_guids}), declared once per resource as an enum that
 * the REST message (what a client may send) and the repository (which column answers it) both read.
 */
public interface ListFilter {
    /** The filter's name in the query string and in {@link ListQuery#filters()}. */
    String key();

    /** The names of {@code filters}, in their order. */
    static String[] keys(Collection<? extends ListFilter> filters) {
        return filters.stream().map(ListFilter::key).toArray(String[]::new);
    }
}
