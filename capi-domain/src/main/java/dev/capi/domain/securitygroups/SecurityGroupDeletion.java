package dev.capi.domain.securitygroups;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.Job;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** The {@code security_group.delete} job: removes the group and its bindings and renews the latest-change time. */
public final class SecurityGroupDeletion implements JobHandler {
    private final SecurityGroupRepository repository;
    private final Clock clock;

    public SecurityGroupDeletion(SecurityGroupRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String operation() {
        return SecurityGroups.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        if (repository.find(job.resourceGuid()).isEmpty()) {
            throw CfException.notFound("Security group");
        }
        repository.delete(job.resourceGuid());
        repository.renewLatestUpdate(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
