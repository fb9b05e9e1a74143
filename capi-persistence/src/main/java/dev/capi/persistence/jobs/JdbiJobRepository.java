package dev.capi.persistence.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;
import dev.capi.model.JobState;
import dev.capi.persistence.support.Json;
import dev.capi.persistence.support.TimeColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the {@code jobs} table. A node claims the oldest unclaimed PROCESSING job with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and marks it with its id, so several nodes never run the same job.
 */
public final class JdbiJobRepository implements JobRepository {
    private static final String COLUMNS =
            "guid, created_at, updated_at, operation, state, resource_type, resource_guid, errors, warnings";
    private static final RowMapper<Job> MAPPER = (rs, ctx) -> new Job(rs.getString("guid"),
            TimeColumns.read(rs, "created_at"), TimeColumns.read(rs, "updated_at"), rs.getString("operation"),
            JobState.valueOf(rs.getString("state")), rs.getString("resource_type"), rs.getString("resource_guid"),
            Json.readList(rs.getString("errors"), new TypeReference<List<Job.JobError>>() { }),
            Json.readList(rs.getString("warnings"), new TypeReference<List<String>>() { }));

    private final Jdbi jdbi;

    public JdbiJobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Job job) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (:guid, :createdAt, :updatedAt, "
                        + ":operation, :state, :resourceType, :resourceGuid, :errors, :warnings)")
                .bind("guid", job.guid()).bind("createdAt", job.createdAt()).bind("updatedAt", job.updatedAt())
                .bind("operation", job.operation()).bind("state", job.state().name())
                .bind("resourceType", job.resourceType()).bind("resourceGuid", job.resourceGuid())
                .bind("errors", Json.write(job.errors())).bind("warnings", Json.write(job.warnings()))
                .execute());
    }

    @Override
    public Optional<Job> find(String guid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE guid = :g")
                .bind("g", guid).map(MAPPER).findOne());
    }

    @Override
    public Optional<Job> claimNext(String nodeId, Instant now) {
        return jdbi.withHandle(h -> {
            Optional<Job> next = h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE state = 'PROCESSING' "
                            + "AND claimed_by IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .map(MAPPER).findOne();
            next.ifPresent(job -> h.createUpdate("UPDATE jobs SET claimed_by = :n, claimed_at = :t WHERE guid = :g")
                    .bind("n", nodeId).bind("t", now).bind("g", job.guid()).execute());
            return next;
        });
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
