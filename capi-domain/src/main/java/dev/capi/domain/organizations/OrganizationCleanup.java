package dev.capi.domain.organizations;

import java.util.List;

/**
 * A resource family that must be removed with an organization or a space (apps, routes, quotas ...). Each resource
 * package adds its own; the delete jobs call them all inside the job's transaction: first {@link
 * #releaseSpaceContents} of every family (work that involves an outside party, such as a service broker), then, only
 * when nothing was left behind, the deletes.
 */
public interface OrganizationCleanup {
    /**
     * Removes what needs an outside party before the space's rows may go (managed service instances are deprovisioned
     * through their brokers); returns the reference's message for each resource that could not be removed now (the
     * space then stays, and so does the resource). Empty by default.
     */
    default List<String> releaseSpaceContents(String spaceGuid) {
        return List.of();
    }

    default void deleteSpaceContents(String spaceGuid) {
    }

    default void deleteOrganizationContents(String organizationGuid) {
    }
}
