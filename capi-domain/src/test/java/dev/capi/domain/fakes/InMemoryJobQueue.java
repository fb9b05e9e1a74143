package dev.capi.domain.fakes;

import dev.capi.domain.jobs.JobRepository;
import dev.capi.model.Job;
import dev.capi.model.JobState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link JobRepository} in a list: enqueued jobs can be inspected and claimed in order. */
public final class InMemoryJobQueue implements JobRepository {
    private final List<Job> jobs = new ArrayList<>();

    public List<Job> all() {
        return List.copyOf(jobs);
    }

    @Override
    public void insert(Job job) {
        jobs.add(job);
    }

    @Override
    public Optional<Job> find(String guid) {
        return jobs.stream().filter(j -> j.guid().equals(guid)).findFirst();
    }

    @Override
    public Optional<Job> claimNext(String nodeId, Instant now) {
        return jobs.stream().filter(j -> j.state() == JobState.PROCESSING).findFirst();
    }

    @Override
    public void update(Job job) {
        jobs.replaceAll(j -> j.guid().equals(job.guid()) ? job : j);
    }
}
