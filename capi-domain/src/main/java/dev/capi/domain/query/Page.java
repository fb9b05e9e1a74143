package dev.capi.domain.query;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the total number of matching resources. */
public record Page<T>(List<T> resources, long totalResults) {
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(resources.stream().map(f).toList(), totalResults);
    }
}
