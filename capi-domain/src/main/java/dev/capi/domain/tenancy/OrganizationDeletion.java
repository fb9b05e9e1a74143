package dev.capi.domain.tenancy;

import dev.capi.domain.organizations.Organizations;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Job;
import dev.capi.model.Space;

import java.util.List;

/** The {@code organization.delete} job: removes the org's spaces and everything they hold, its roles, then the org. */
public final class OrganizationDeletion implements JobHandler {
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final RoleRepository roles;
    private final MetadataRepository metadata;
    private final List<OrganizationCleanup> cleanups;

    public OrganizationDeletion(OrganizationRepository organizations, SpaceRepository spaces, RoleRepository roles,
                                MetadataRepository metadata, List<OrganizationCleanup> cleanups) {
        this.organizations = organizations;
        this.spaces = spaces;
        this.roles = roles;
        this.metadata = metadata;
        this.cleanups = cleanups;
    }

    @Override
    public String operation() {
        return Organizations.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String orgGuid = job.resourceGuid();
        if (organizations.find(orgGuid).isEmpty()) {
            throw CfException.notFound("Organization");
        }
        for (Space space : spaces.inOrganization(orgGuid)) {
            deleteSpace(space.guid());
        }
        cleanups.forEach(c -> c.deleteOrganizationContents(orgGuid));
        roles.deleteForOrganization(orgGuid);
        metadata.delete(orgGuid);
        organizations.delete(orgGuid);
    }

    /** Removes one space and what it holds; shared with the space delete job. */
    public void deleteSpace(String spaceGuid) {
        cleanups.forEach(c -> c.deleteSpaceContents(spaceGuid));
        roles.deleteForSpace(spaceGuid);
        metadata.delete(spaceGuid);
        spaces.delete(spaceGuid);
    }
}
