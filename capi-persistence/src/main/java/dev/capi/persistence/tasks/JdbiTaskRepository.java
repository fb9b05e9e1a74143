package dev.capi.persistence.tasks;

import dev.capi.domain.query.ListQuery;
import dev.capi.domain.query.Page;
import dev.capi.domain.tasks.TaskFilter;
import dev.capi.domain.tasks.TaskRepository;
import dev.capi.model.Metadata;
import dev.capi.model.Task;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.support.ListSql;
import dev.capi.persistence.support.MetadataRows;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tasks in the {@code tasks} table; sequence ids are unique per app. */
public final class JdbiTaskRepository implements TaskRepository {
    private static final String COLUMNS = "t.guid, t.created_at, t.updated_at, t.app_guid, t.space_guid, "
            + "t.organization_guid, t.sequence_id, t.name, t.command, t.task_user, t.state, t.memory_in_mb, "
            + "t.disk_in_mb, t.log_rate_limit, t.droplet_guid, t.failure_reason";
    private static final RowMapper<Task> MAPPER = (rs, ctx) -> new Task(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("app_guid"),
            rs.getString("space_guid"), rs.getString("organization_guid"), rs.getInt("sequence_id"),
            rs.getString("name"), rs.getString("command"), rs.getString("task_user"), rs.getString("state"),
            rs.getLong("memory_in_mb"), rs.getLong("disk_in_mb"), rs.getLong("log_rate_limit"),
            rs.getString("droplet_guid"), rs.getString("failure_reason"), Metadata.empty());
    private static final ListSql LIST = new ListSql("tasks t", "t")
            .inFilter(TaskFilter.NAMES, "t.name")
            .inFilter(TaskFilter.STATES, "t.state")
            .inFilter(TaskFilter.APP_GUIDS, "t.app_guid")
            .inFilter(TaskFilter.SPACE_GUIDS, "t.space_guid")
            .inFilter(TaskFilter.ORGANIZATION_GUIDS, "t.organization_guid")
            .condition(TaskFilter.SEQUENCE_IDS, (values, binds) -> {
                List<Integer> ids = new ArrayList<>();
                for (String v : values) {
                    try {
                        ids.add(Integer.parseInt(v.trim()));
                    } catch (NumberFormatException e) {
                        // not a sequence id: matches nothing
                    }
                }
                return ids.isEmpty() ? "1=0" : "t.sequence_id IN (" + binds.list(ids) + ")";
            })
            .visibleThrough("t.space_guid", "t.organization_guid");

    private final Jdbi jdbi;
    private final MetadataRows<Task> rows;

    public JdbiTaskRepository(Jdbi jdbi, JdbiMetadataRepository metadata) {
        this.jdbi = jdbi;
        this.rows = new MetadataRows<>(jdbi, metadata, LIST, COLUMNS, MAPPER, Task::guid, Task::withMetadata);
    }

    @Override
    public Optional<Task> find(String guid) {
        return rows.find(guid);
    }

    @Override
    public Page<Task> list(ListQuery query) {
        return rows.page(query);
    }

    @Override
    public int nextSequenceId(String appGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(sequence_id), 0) + 1 FROM tasks WHERE app_guid = :a")
                .bind("a", appGuid).mapTo(Integer.class).one());
    }

    @Override
    public void insert(Task t) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO tasks (guid, created_at, updated_at, app_guid, space_guid, organization_guid,
                                           sequence_id, name, command, task_user, state, memory_in_mb, disk_in_mb,
                                           log_rate_limit, droplet_guid, failure_reason)
                        VALUES (:guid, :createdAt, :updatedAt, :appGuid, :spaceGuid, :organizationGuid, :sequenceId,
                                :name, :command, :user, :state, :memoryInMb, :diskInMb, :logRateLimit, :dropletGuid,
                                :failureReason)""")
                .bindMethods(t).execute());
    }

    @Override
    public void update(Task t) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE tasks SET updated_at = :updatedAt, state = :state, failure_reason = :failureReason
                         WHERE guid = :guid""")
                .bindMethods(t).execute());
    }
}
