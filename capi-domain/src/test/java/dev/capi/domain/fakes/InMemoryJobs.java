package dev.capi.domain.fakes;

import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Jobs in a map; claims the oldest unclaimed PROCESSING job. */
public final class InMemoryJobs implements JobRepository {
    private final Map<String, Job> rows = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();

    /** How many jobs were enqueued. */
    public int count() {
        return rows.size();
    }

    @Override
    public void insert(Job job) {
        rows.put(job.guid(), job);
    }

    @Override
    public Optional<Job> find(String guid) {
        return Optional.ofNullable(rows.get(guid));
    }

    @Override
    public Optional<Job> claimNext(String nodeId, Instant now) {
        Optional<Job> next = rows.values().stream()
                .filter(j -> j.state() == JobState.PROCESSING && !claims.containsKey(j.guid())).findFirst();
        next.ifPresent(j -> claims.put(j.guid(), nodeId));
        return next;
    }

    @Override
    public void update(Job job) {
        rows.put(job.guid(), job);
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(j -> j.state() != JobState.PROCESSING && j.state() != JobState.POLLING
                && j.updatedAt().isBefore(cutoff));
        return before - rows.size();
    }
}
