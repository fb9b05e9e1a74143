package dev.capi.persistence.support;

import dev.capi.domain.query.Page;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Attaches metadata to loaded rows with one batched read, whatever the page size. */
public final class WithMetadata {
    private WithMetadata() {
    }

    public static <T> List<T> attach(JdbiMetadataRepository metadata, List<T> rows, Function<T, String> guid,
                                     BiFunction<T, Metadata, T> with) {
        if (rows.isEmpty()) {
            return rows;
        }
        var all = metadata.loadAll(rows.stream().map(guid).toList());
        return rows.stream().map(r -> with.apply(r, all.get(guid.apply(r)))).toList();
    }

    public static <T> Page<T> attachPage(JdbiMetadataRepository metadata, Page<T> page, Function<T, String> guid,
                                     BiFunction<T, Metadata, T> with) {
        return new Page<>(attach(metadata, page.resources(), guid, with), page.totalResults());
    }
}
