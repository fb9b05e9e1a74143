package dev.capi.domain.organizations;

/**
 * A resource family that must be removed with an organization or a space (apps, routes, quotas ...). Each resource
 * package adds its own; the delete jobs call them all inside the job's transaction.
 */
public interface OrganizationCleanup {
    default void deleteSpaceContents(String spaceGuid) {
    }

    default void deleteOrganizationContents(String organizationGuid) {
    }
}
