package dev.capi.domain.spaces;

import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.organizations.OrganizationDeletion;
import dev.capi.model.Job;

/** The {@code space.delete} job: the same cascade an organization delete runs for each of its spaces. */
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
        if (spaces.find(job.resourceGuid()).isEmpty()) {
            throw CfException.notFound("Space");
        }
        cascade.deleteSpace(job.resourceGuid());
    }
}
