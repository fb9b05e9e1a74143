package dev.capi.domain.isolationsegments;

import dev.capi.domain.organizations.OrganizationCleanup;

/** Removes a deleted organization's isolation segment entitlements. */
public final class IsolationSegmentCleanup implements OrganizationCleanup {
    private final IsolationSegmentRepository repository;

    public IsolationSegmentCleanup(IsolationSegmentRepository repository) {
        this.repository = repository;
    }

    @Override
    public void deleteOrganizationContents(String organizationGuid) {
        repository.revokeAll(organizationGuid);
    }
}
