package dev.capi.persistence.support;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The reads every resource with labels and annotations shares: by guid, by guids, and a list page, each followed by
 * one batched metadata read. A repository declares its table once (a {@link ListSql}, columns, row mapper) and
 * delegates here.
 */
public final class MetadataRows<T> {
    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final ListSql table;
    private final String columns;
    private final RowMapper<T> mapper;
    private final Function<T, String> guid;
    private final BiFunction<T, Metadata, T> withMetadata;

    public MetadataRows(Jdbi jdbi, JdbiMetadataRepository metadata, ListSql table, String columns,
                        RowMapper<T> mapper, Function<T, String> guid, BiFunction<T, Metadata, T> withMetadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.table = table;
        this.columns = columns;
        this.mapper = mapper;
        this.guid = guid;
        this.withMetadata = withMetadata;
    }

    public Optional<T> find(String rowGuid) {
        return findAll(List.of(rowGuid)).stream().findFirst();
    }

    public List<T> findAll(Collection<String> guids) {
        return WithMetadata.attach(metadata, jdbi.withHandle(h -> table.byGuids(h, columns, guids, mapper)), guid,
                withMetadata);
    }

    public Page<T> page(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> table.page(h, columns, query, mapper)), guid,
                withMetadata);
    }
}
