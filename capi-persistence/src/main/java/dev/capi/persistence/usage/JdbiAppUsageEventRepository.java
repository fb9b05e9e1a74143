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

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
