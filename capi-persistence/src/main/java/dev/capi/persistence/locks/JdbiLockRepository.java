package dev.capi.persistence.locks;

import dev.capi.domain.locks.LockFilter;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Lock;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Locks in the {@code locks} table (space and organization copied from the app for visibility and filters). */
public final class JdbiLockRepository implements LockRepository {
    private static final String COLUMNS = "l.guid, l.created_at, l.updated_at, l.title, l.detail, l.app_guid, "
            + "l.space_guid, l.organization_guid";
    private static final RowMapper<Lock> MAPPER = (rs, ctx) -> new Lock(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("title"),
            rs.getString("detail"), rs.getString("app_guid"), rs.getString("space_guid"),
            rs.getString("organization_guid"), Metadata.empty());
    private static final ListSql LIST = new ListSql("locks l", "l")
            .inFilter(LockFilter.APP_GUIDS, "l.app_guid")
            .inFilter(LockFilter.SPACE_GUIDS, "l.space_guid")
            .inFilter(LockFilter.ORGANIZATION_GUIDS, "l.organization_guid")
            .visibleThrough("l.space_guid", "l.organization_guid");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final MetadataRows<Lock> rows;

    public JdbiLockRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Lock::guid, Lock::withMetadata);
    }

    @Override
    public Optional<Lock> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Lock> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean anyOnApp(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM locks WHERE app_guid = :a")
                .bind("a", appGuid).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void insert(Lock l) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO locks (guid, created_at, updated_at, title, detail, app_guid, space_guid,
                                           organization_guid)
                        VALUES (:guid, :createdAt, :updatedAt, :title, :detail, :appGuid, :spaceGuid,
                                :organizationGuid)""")
                .bindMethods(l).execute());
    }

    @Override
    public void update(Lock l) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE locks SET updated_at = :updatedAt, detail = :detail WHERE guid = :guid")
                .bindMethods(l).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM locks WHERE guid = ?", guid);
            metadata.delete(guid);
        });
    }

    @Override
    public void deleteForSpace(String spaceGuid) {
        jdbi.useHandle(h -> {
            String owned = "SELECT guid FROM locks WHERE space_guid = :s";
            h.createUpdate("DELETE FROM labels WHERE resource_guid IN (" + owned + ")").bind("s", spaceGuid).execute();
            h.createUpdate("DELETE FROM annotations WHERE resource_guid IN (" + owned + ")").bind("s", spaceGuid)
                    .execute();
            h.createUpdate("DELETE FROM locks WHERE space_guid = :s").bind("s", spaceGuid).execute();
        });
    }
}
