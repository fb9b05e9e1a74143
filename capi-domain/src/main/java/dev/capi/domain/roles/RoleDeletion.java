package dev.capi.domain.roles;

import dev.capi.domain.jobs.JobHandler;
import dev.capi.model.Job;

/** The {@code role.delete} job: removes the role (already gone is success: the request's intent holds). */
public final class RoleDeletion implements JobHandler {
    private final RoleRepository roles;

    public RoleDeletion(RoleRepository roles) {
        this.roles = roles;
    }

    @Override
    public String operation() {
        return Roles.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        roles.find(job.resourceGuid()).ifPresent(r -> roles.delete(r.guid()));
    }
}
