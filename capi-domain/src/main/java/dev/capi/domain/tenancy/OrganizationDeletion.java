package dev.capi.domain.tenancy;

import dev.capi.domain.errors.CfError;
import dev.capi.domain.organizations.Organizations;
import dev.capi.domain.organizations.OrganizationCleanup;
import dev.capi.domain.organizations.OrganizationRepository;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.jobs.JobHandler;
import dev.capi.domain.jobs.Jobs;
import dev.capi.domain.metadata.MetadataRepository;
import dev.capi.domain.roles.RoleRepository;
import dev.capi.domain.spaces.SpaceRepository;
import dev.capi.model.Job;
import dev.capi.model.Organization;
import dev.capi.model.Space;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code organization.delete} job: removes the org's spaces and everything they hold, its roles, then the org. A
 * space whose contents cannot all go now (a managed instance the broker has not deprovisioned yet) stays, and the job
 * fails with the reference's {@code OrganizationDeletionFailed} listing each space's {@code SpaceDeletionFailed}; the
 * spaces that could go are gone, and what the brokers were asked is kept (the job fails itself, its transaction
 * commits).
 */
public final class OrganizationDeletion implements JobHandler {
    private final OrganizationRepository organizations;
    private final SpaceRepository spaces;
    private final RoleRepository roles;
    private final MetadataRepository metadata;
    private final List<OrganizationCleanup> cleanups;
    private final Jobs jobs;

    public OrganizationDeletion(OrganizationRepository organizations, SpaceRepository spaces, RoleRepository roles,
                                MetadataRepository metadata, List<OrganizationCleanup> cleanups, Jobs jobs) {
        this.organizations = organizations;
        this.spaces = spaces;
        this.roles = roles;
        this.metadata = metadata;
        this.cleanups = cleanups;
        this.jobs = jobs;
    }

    @Override
    public String operation() {
        return Organizations.DELETE_JOB;
    }

    @Override
    public void perform(Job job) {
        String orgGuid = job.resourceGuid();
        Organization org = organizations.find(orgGuid).orElseThrow(() -> CfException.notFound("Organization"));
        List<String> failed = new ArrayList<>();
        for (Space space : spaces.inOrganization(orgGuid)) {
            deleteSpace(space).ifPresent(failed::add);
        }
        if (!failed.isEmpty()) {
            fail(job, CfError.OrganizationDeletionFailed, org.name(), String.join("\n\n", failed));
            return;
        }
        cleanups.forEach(c -> c.deleteOrganizationContents(orgGuid));
        roles.deleteForOrganization(orgGuid);
        metadata.delete(orgGuid);
        organizations.delete(orgGuid);
    }

    /**
     * Removes one space and what it holds (shared with the space delete job), unless some of its contents cannot go
     * now: then the space stays and the reference's {@code SpaceDeletionFailed} message is returned.
     */
    public Optional<String> deleteSpace(Space space) {
        List<String> failures = cleanups.stream().flatMap(c -> c.releaseSpaceContents(space.guid()).stream())
                .toList();
        if (!failures.isEmpty()) {
            return Optional.of(CfError.SpaceDeletionFailed.detail(space.name(),
                    failures.stream().map(m -> "\t" + m).collect(Collectors.joining("\n\n"))));
        }
        cleanups.forEach(c -> c.deleteSpaceContents(space.guid()));
        roles.deleteForSpace(space.guid());
        metadata.delete(space.guid());
        spaces.delete(space.guid());
        return Optional.empty();
    }

    /** Fails the job with a message already rendered (the job's transaction keeps what was done). */
    void fail(Job job, CfError kind, Object... args) {
        jobs.fail(job.guid(), new Job.JobError(kind.code(), kind.title(), kind.detail(args)));
    }

    void failWithDetail(Job job, CfError kind, String detail) {
        jobs.fail(job.guid(), new Job.JobError(kind.code(), kind.title(), detail));
    }
}
