package dev.capi.persistence.buildpacks;

import dev.capi.domain.buildpacks.BuildpackRepository;
import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.model.Buildpack;
import dev.capi.model.Metadata;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/**
 * Buildpacks in the {@code buildpacks} table; an upload's bits wait in its {@code pending_*} columns until the
 * upload job puts them in place. Lists default to lifecycle then position, as the reference's.
 */
public final class JdbiBuildpackRepository implements BuildpackRepository {
    private static final String COLUMNS = "b.guid, b.created_at, b.updated_at, b.name, b.stack, b.lifecycle, "
            + "b.position, b.enabled, b.locked, b.filename, b.blob_key, b.sha256";
    private static final RowMapper<Buildpack> MAPPER = (rs, ctx) -> new Buildpack(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("stack"), rs.getString("lifecycle"), rs.getInt("position"), rs.getBoolean("enabled"),
            rs.getBoolean("locked"), rs.getString("filename"), rs.getString("blob_key"), rs.getString("sha256"),
            Metadata.empty());
    private static final ListSql LIST = new ListSql("buildpacks b", "b")
            .inFilter("names", "b.name")
            .inFilter("stacks", "b.stack")
            .inFilter("lifecycle", "b.lifecycle")
            .orderColumn("position", "b.position")
            .orderColumn("lifecycle", "b.lifecycle")
            .defaultOrder("b.lifecycle ASC, b.position ASC, b.id ASC");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;
    private final MetadataRows<Buildpack> rows;

    public JdbiBuildpackRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Buildpack::guid,
                Buildpack::withMetadata);
    }

    @Override
    public Optional<Buildpack> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Buildpack> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public boolean taken(String name, String stack, String lifecycle, String exceptGuid) {
        String sameStack = stack == null ? "stack IS NULL" : "stack = :stack";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT COUNT(*) FROM buildpacks WHERE name = :name"
                            + " AND lifecycle = :lifecycle AND " + sameStack + " AND guid <> :except")
                    .bind("name", name).bind("lifecycle", lifecycle)
                    .bind("except", exceptGuid == null ? "" : exceptGuid);
            if (stack != null) {
                query.bind("stack", stack);
            }
            return query.mapTo(Integer.class).one();
        }) > 0;
    }

    @Override
    public int lastPosition(String lifecycle) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COALESCE(MAX(position), 0) FROM buildpacks WHERE lifecycle = :l")
                .bind("l", lifecycle).mapTo(Integer.class).one());
    }

    @Override
    public void shiftPositions(String lifecycle, int from, int to, int delta) {
        if (from > to) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE buildpacks SET position = position + :delta
                         WHERE lifecycle = :l AND position BETWEEN :from AND :to""")
                .bind("delta", delta).bind("l", lifecycle).bind("from", from).bind("to", to).execute());
    }

    @Override
    public void insert(Buildpack b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO buildpacks (guid, created_at, updated_at, name, stack, lifecycle, position, enabled,
                                                locked, filename, blob_key, sha256)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :stack, :lifecycle, :position, :enabled,
                                :locked, :filename, :blobKey, :sha256)""")
                .bindMethods(b).execute());
    }

    @Override
    public void update(Buildpack b) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE buildpacks SET updated_at = :updatedAt, name = :name, stack = :stack,
                               position = :position, enabled = :enabled, locked = :locked, filename = :filename,
                               blob_key = :blobKey, sha256 = :sha256
                         WHERE guid = :guid""")
                .bindMethods(b).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> h.execute("DELETE FROM buildpacks WHERE guid = ?", guid));
    }

    @Override
    public void savePendingUpload(String guid, PendingUpload u) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE buildpacks SET pending_blob_key = :blobKey, pending_filename = :filename,
                               pending_sha256 = :sha256, pending_stack = :stack
                         WHERE guid = :guid""")
                .bindMethods(u).bind("guid", guid).execute());
    }

    @Override
    public Optional<PendingUpload> takePendingUpload(String guid) {
        return jdbi.inTransaction(h -> {
            Optional<PendingUpload> pending = h.createQuery("""
                            SELECT pending_blob_key, pending_filename, pending_sha256, pending_stack
                              FROM buildpacks WHERE guid = :g AND pending_blob_key IS NOT NULL""")
                    .bind("g", guid)
                    .map((rs, ctx) -> new PendingUpload(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)))
                    .findOne();
            pending.ifPresent(p -> h.createUpdate("""
                            UPDATE buildpacks SET pending_blob_key = NULL, pending_filename = NULL,
                                   pending_sha256 = NULL, pending_stack = NULL WHERE guid = :g""")
                    .bind("g", guid).execute());
            return pending;
        });
    }

    @Override
    public void lockPositions() {
        jdbi.useHandle(h -> h.createQuery(
                "SELECT name FROM buildpack_position_lock WHERE name = 'buildpacks' FOR UPDATE")
                .mapTo(String.class).list());
    }
}
