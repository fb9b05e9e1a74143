package dev.capi.persistence.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.persistence.Database;
import dev.capi.persistence.support.CurrentHandleDataSource;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the {@code jobs} table (the API's view), queued in db-scheduler's {@code scheduled_tasks} table in the same
 * transaction: one execution of task {@value #TASK_NAME} per job, its instance id the job's guid. The nodes' schedulers
 * pick each execution once, keep its heartbeat while it runs, and revive it when its node dies.
 */
public final class JdbiJobRepository implements JobRepository {
    /** The db-scheduler task whose executions are the jobs. */
    public static final String TASK_NAME = "capi-job";
    /** The job's guid is the execution's instance id; it carries no data. */
    public static final TaskDescriptor<Void> TASK = TaskDescriptor.of(TASK_NAME);

    private static final String COLUMNS =
            "guid, created_at, updated_at, operation, state, resource_type, resource_guid, errors, warnings";
    private static final RowMapper<Job> MAPPER = (rs, ctx) -> new Job(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("operation"),
            JobState.valueOf(rs.getString("state")), rs.getString("resource_type"), rs.getString("resource_guid"),
            Json.readList(rs.getString("errors"), new TypeReference<List<Job.JobError>>() { }),
            Json.readList(rs.getString("warnings"), new TypeReference<List<String>>() { }));

    private final Jdbi jdbi;
    private final SchedulerClient queue;
    private final Runnable onEnqueued;

    /** {@code onEnqueued} runs once the enqueuing transaction commits (to wake this node's scheduler). */
    public JdbiJobRepository(Database database, Runnable onEnqueued) {
        this.jdbi = database.jdbi();
        this.onEnqueued = onEnqueued;
        this.queue = SchedulerClient.Builder.create(new CurrentHandleDataSource(jdbi))
                .jdbcCustomization(database.isPostgres() ? new PostgreSqlJdbcCustomization(false, false)
                        : new DefaultJdbcCustomization(false))
                .build();
    }

    @Override
    public void insert(Job job) {
        insert(job, job.createdAt());
    }

    @Override
    public void insert(Job job, Instant runAt) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (:guid, :createdAt, :updatedAt, "
                            + ":operation, :state, :resourceType, :resourceGuid, :errors, :warnings)")
                    .bind("guid", job.guid()).bind("createdAt", job.createdAt()).bind("updatedAt", job.updatedAt())
                    .bind("operation", job.operation()).bind("state", job.state().name())
                    .bind("resourceType", job.resourceType()).bind("resourceGuid", job.resourceGuid())
                    .bind("errors", Json.write(job.errors())).bind("warnings", Json.write(job.warnings()))
                    .execute();
            queue.scheduleIfNotExists(TASK.instance(job.guid()).build(), runAt);
            h.afterCommit(onEnqueued);
        });
    }

    @Override
    public Optional<Job> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public void update(Job job) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET updated_at = :updatedAt, state = :state, errors = :errors, "
                        + "warnings = :warnings WHERE guid = :guid")
                .bind("guid", job.guid()).bind("updatedAt", job.updatedAt()).bind("state", job.state().name())
                .bind("errors", Json.write(job.errors())).bind("warnings", Json.write(job.warnings()))
                .execute());
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM jobs WHERE state IN ('COMPLETE', 'FAILED') AND updated_at < :c")
                .bind("c", cutoff).execute());
    }
}
