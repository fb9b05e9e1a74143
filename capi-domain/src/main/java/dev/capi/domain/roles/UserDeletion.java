package dev.capi.domain.roles;

import dev.capi.domain.users.Users;
import dev.capi.domain.users.UserRepository;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.model.Job;

/** The {@code user.delete} job: removes the user's roles, its metadata, then the user. */
public final class UserDeletion implements JobHandler {
    private final UserRepository users;
    private final RoleRepository roles;
    private final MetadataRepository metadata;

    public UserDeletion(UserRepository users, RoleRepository roles, MetadataRepository metadata) {
        this.users = users;
        this.roles = roles;
        this.metadata = metadata;
    }

    @Override
    public String operation() {
        return Users.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String guid = job.resourceGuid();
        if (users.find(guid).isEmpty()) {
            throw CfException.notFound("User");
        }
        roles.deleteForUser(guid);
        metadata.delete(guid);
        users.delete(guid);
    }
}
