package dev.capi.persistence.usage;

import dev.capi.domain.usage.AppUsageEventRepository;
import dev.capi.model.AppUsageEvent;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** App usage events in the {@code app_usage_events} table. */
public final class JdbiAppUsageEventRepository implements AppUsageEventRepository {
    /** The columns, for readers of the table (the usage events list). */
    public static final String COLUMNS = "guid, created_at, state, previous_state, parent_app_guid, parent_app_name, "
            + "process_guid, process_type, space_guid, space_name, org_guid, memory_in_mb_per_instance, "
            + "previous_memory_in_mb_per_instance, instance_count, previous_instance_count, buildpack_guid, "
            + "buildpack_name, task_guid, task_name, package_guid, package_state";
    /** Maps a row of {@link #COLUMNS}. */
    public static final RowMapper<AppUsageEvent> MAPPER = (rs, ctx) -> new AppUsageEvent(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), rs.getString("state"), rs.getString("previous_state"),
            rs.getString("parent_app_guid"), rs.getString("parent_app_name"), rs.getString("process_guid"),
            rs.getString("process_type"), rs.getString("space_guid"), rs.getString("space_name"),
            rs.getString("org_guid"), longOrNull(rs, "memory_in_mb_per_instance"),
            longOrNull(rs, "previous_memory_in_mb_per_instance"), intOrNull(rs, "instance_count"),
            intOrNull(rs, "previous_instance_count"), rs.getString("buildpack_guid"), rs.getString("buildpack_name"),
            rs.getString("task_guid"), rs.getString("task_name"), rs.getString("package_guid"),
            rs.getString("package_state"));

    private static final dev.capi.persistence.support.ListSql LIST =
            new dev.capi.persistence.support.ListSql("app_usage_events e", "e")
                    .condition("after_guid", (values, binds) ->
                            "e.id > (SELECT after.id FROM app_usage_events after WHERE after.guid = "
                                    + binds.add(values.get(0)) + ")");

    private final Jdbi jdbi;

    public JdbiAppUsageEventRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(AppUsageEvent e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO app_usage_events (" + COLUMNS + ") VALUES (:guid, "
                        + ":createdAt, :state, :previousState, :appGuid, :appName, :processGuid, :processType, "
                        + ":spaceGuid, :spaceName, :organizationGuid, :memoryInMbPerInstance, "
                        + ":previousMemoryInMbPerInstance, :instanceCount, :previousInstanceCount, :buildpackGuid, "
                        + ":buildpackName, :taskGuid, :taskName, :packageGuid, :packageState)")
                .bindMethods(e).execute());
    }

    @Override
    public List<AppUsageEvent> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_usage_events ORDER BY id")
                .map(MAPPER).list());
    }

    @Override
    public dev.capi.domain.query.Page<AppUsageEvent> list(dev.capi.domain.query.ListQuery query) {
        String columns = java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> "e." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        return jdbi.withHandle(h -> LIST.page(h, columns, query, MAPPER));
    }

    @Override
    public java.util.Optional<AppUsageEvent> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_usage_events WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public void deleteAll() {
        jdbi.useHandle(h -> h.execute("DELETE FROM app_usage_events"));
    }

    @Override
    public List<AppUsageEvent> startedProcessSnapshots(java.time.Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.guid AS process_guid, p.type, p.memory_in_mb, "
                        + "p.instances, a.guid AS app_guid, a.name AS app_name, s.guid AS space_guid, "
                        + "s.name AS space_name, s.organization_guid FROM processes p "
                        + "JOIN apps a ON a.guid = p.app_guid JOIN spaces s ON s.guid = a.space_guid "
                        + "WHERE p.state = 'STARTED' ORDER BY p.id")
                .map((rs, ctx) -> new AppUsageEvent(null, now, "STARTED", null, rs.getString("app_guid"),
                        rs.getString("app_name"), rs.getString("process_guid"), rs.getString("type"),
                        rs.getString("space_guid"), rs.getString("space_name"), rs.getString("organization_guid"),
                        rs.getLong("memory_in_mb"), null, rs.getInt("instances"), null, null, null, null, null,
                        null, null))
                .list());
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
