package dev.capi.domain.quotas;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.query.Visibility;
import dev.capi.model.Job;

/** The {@code organization_quota.delete} job: removes the quota unless an organization took it up meanwhile. */
public final class OrganizationQuotaDeletion implements JobHandler {
    private final OrganizationQuotaRepository repository;

    public OrganizationQuotaDeletion(OrganizationQuotaRepository repository) {
        this.repository = repository;
    }

    @Override
    public String operation() {
        return OrganizationQuotas.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String guid = job.resourceGuid();
        if (repository.find(guid, Visibility.nothing()).isEmpty()) {
            throw CfException.notFound(OrganizationQuotas.NOT_FOUND);
        }
        if (repository.inUse(guid)) {
            throw OrganizationQuotas.stillApplied();
        }
        repository.delete(guid);
    }
}
