package dev.capi.domain.fakes;

import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link JobRepository} in a map; {@code claimNext} is not needed by domain tests and claims nothing. */
public final class InMemoryJobs implements JobRepository {
    private final Map<String, Job> rows = new LinkedHashMap<>();

    public List<Job> all() {
        return new ArrayList<>(rows.values());
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
        return Optional.empty();
    }

    @Override
    public void update(Job job) {
        rows.put(job.guid(), job);
    }
}
