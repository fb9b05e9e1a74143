package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Job;

/** The {@code space_quota.delete} job: removes the quota unless a space took it up meanwhile. */
public final class SpaceQuotaDeletion implements JobHandler {
    private final SpaceQuotaRepository repository;

    public SpaceQuotaDeletion(SpaceQuotaRepository repository) {
        this.repository = repository;
    }

    @Override
    public String operation() {
        return SpaceQuotas.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String guid = job.resourceGuid();
        if (repository.find(guid, Visibility.nothing()).isEmpty()) {
            throw CfException.notFound(SpaceQuotas.NOT_FOUND);
        }
        if (repository.inUse(guid)) {
            throw SpaceQuotas.stillApplied();
        }
        repository.delete(guid);
    }
}
