package dev.capi.domain.securitygroups;

import dev.capi.domain.organizations.OrganizationCleanup;

/** Removes a deleted space's security group bindings. */
public final class SecurityGroupCleanup implements OrganizationCleanup {
    private final SecurityGroupRepository repository;

    public SecurityGroupCleanup(SecurityGroupRepository repository) {
        this.repository = repository;
    }

    @Override
    public void deleteSpaceContents(String spaceGuid) {
        repository.unbindSpace(spaceGuid);
    }
}
