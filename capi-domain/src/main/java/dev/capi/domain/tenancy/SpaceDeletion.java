package dev.capi.domain.tenancy;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.spaces.Spaces;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.Job;

/**
 * The {@code space.delete} job: the same cascade an organization delete runs for each of its spaces. A space that is
 * already gone (a second delete request raced the first) completes the job, as the reference's delete job does; a
 * space whose contents cannot all go now stays, and the job fails with the reference's {@code SpaceDeletionFailed}.
 */
public final class SpaceDeletion implements JobHandler {
    private final SpaceRepository spaces;
    private final OrganizationDeletion cascade;

    public SpaceDeletion(SpaceRepository spaces, OrganizationDeletion cascade) {
        this.spaces = spaces;
        this.cascade = cascade;
    }

    @Override
    public String operation() {
        return Spaces.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        spaces.find(job.resourceGuid()).flatMap(cascade::deleteSpace)
                .ifPresent(detail -> cascade.failWithDetail(job, CfError.SpaceDeletionFailed, detail));
    }
}
