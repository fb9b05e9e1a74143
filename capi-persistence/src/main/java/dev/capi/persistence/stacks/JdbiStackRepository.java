package dev.capi.persistence.stacks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Stack;
import dev.capi.model.StackState;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.TimeColumns;
import dev.capi.persistence.support.WithMetadata;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Stacks in the {@code stacks} table. */
public final class JdbiStackRepository implements StackRepository {
    private static final String COLUMNS = "st.guid, st.created_at, st.updated_at, st.name, st.description, "
            + "st.build_rootfs_image, st.run_rootfs_image, st.is_default, st.state, st.state_reason";
    private static final RowMapper<Stack> MAPPER = (rs, ctx) -> new Stack(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("name"),
            rs.getString("description"), rs.getString("build_rootfs_image"), rs.getString("run_rootfs_image"),
            rs.getBoolean("is_default"), StackState.valueOf(rs.getString("state")), rs.getString("state_reason"),
            Metadata.empty());
    private static final ListSql LIST = new ListSql("stacks st", "st")
            .inFilter("names", "st.name")
            .condition("default", (values, binds) -> "st.is_default = " + binds.add("true".equals(values.get(0))))
            .orderColumn("name", "st.name");

    private final Jdbi jdbi;
    private final JdbiMetadataRepository metadata;

    public JdbiStackRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.metadata = metadata;
    }

    @Override
    public Optional<Stack> find(String guid) {
        return findBy("guid", guid);
    }

    @Override
    public Optional<Stack> findByName(String name) {
        return findBy("name", name);
    }

    private Optional<Stack> findBy(String column, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stacks st WHERE st." + column + " = :v")
                .bind("v", value).map(MAPPER).findOne()).map(s -> s.withMetadata(metadata.load(s.guid())));
    }

    @Override
    public Page<Stack> list(ListQuery query) {
        return WithMetadata.attachPage(metadata, jdbi.withHandle(h -> LIST.page(h, COLUMNS, query, MAPPER)),
                Stack::guid, Stack::withMetadata);
    }

    @Override
    public void insert(Stack s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO stacks (guid, created_at, updated_at, name, description, build_rootfs_image,
                                            run_rootfs_image, is_default, state, state_reason)
                        VALUES (:guid, :createdAt, :updatedAt, :name, :description, :buildRootfsImage, :runRootfsImage,
                                :isDefault, :state, :stateReason)""")
                .bindMethods(s).bind("state", s.state().name()).execute());
    }

    @Override
    public void update(Stack s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE stacks SET updated_at = :updatedAt, state = :state, state_reason = :stateReason
                         WHERE guid = :guid""")
                .bindMethods(s).bind("state", s.state().name()).execute());
    }

    @Override
    public void delete(String guid) {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM stacks WHERE guid = ?", guid);
            metadata.delete(guid);
        });
    }

    @Override
    public void makeDefault(String guid) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stacks SET is_default = (guid = :g)").bind("g", guid).execute());
    }
}
